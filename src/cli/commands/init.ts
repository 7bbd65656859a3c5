// `vidcost init [FILE]`: a commented starter scenario, and the JSON Schema beside it so the
// editor completes and checks it. Never writes over an existing file unless --force.
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { inputError } from '../../errors.js';
import { writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { displayPath } from '../sheets.js';
import { SCHEMA_FILE_NAME, scenarioJsonSchemaText } from '../scenario-json-schema.js';

export const DEFAULT_SCENARIO_FILE = 'vidcost.yaml';

/** The starter scenario. It must estimate cleanly as written (a test runs it). */
export function starterScenario(file: string): string {
  return `# yaml-language-server: $schema=./${SCHEMA_FILE_NAME}
#
# A vidcost scenario: describe the workload once, then see what it costs per month on every
# generative-video API that fits, the cheapest route, and the traps.
#   vidcost estimate ${file}
#   vidcost estimate ${file} --format json --as-of 2026-06-01
# The line above gives editors completion and checks (yaml-language-server); \`vidcost schema\`
# prints the same JSON Schema. Lines starting with # are comments: uncomment what you need.
version: 1
name: My video feature

# as_of: 2026-06-01            # prices in force on this date (default: today)
channel: api                   # api: your product calls the vendors' APIs (default)
                               # web-app: people on seat plans; cost = the plans covering the credits

# offerings:                   # compare only these (default: every offering that fits)
#   - fal/pika-2.5             # see them all with: vidcost rates
#   - runway/gen4-turbo
#   - openai/sora-2-pro

budget:
  monthly_ceiling_usd: 1500    # --fail-on-ceiling exits 1 when the cheapest route costs more
  max_regenerations_per_job: 4 # the pipeline never pays for more generations per kept clip

# overrides:                   # values you know better than the price sheets, per vendor
#   luma: { usd_per_credit: 0.004 }  # your contract's figure: no source gives a Luma credit's value
#   runway: { discount_pct: 10 }     # a negotiated discount on every Runway price

workloads:
  - name: drafts
    clips_per_month: 500       # finished clips kept per month
    seconds_per_clip: 10       # length of one finished clip
    resolution: 1080p          # 480p | 540p | 720p | 1024p | 1080p (default 1080p)
    regeneration_factor: 3     # generations paid per kept clip (default 3): users rarely keep
                               # the first try, and retries typically triple the naive estimate
    audio: false               # needs generated sound (default false)
    hdr: false                 # needs HDR output (default false)
    batch: false               # accept a batch tier, about half price with up to 24 h latency
    requires: []               # hard constraints: editing, hdr, exr, motion_control, lip_sync,
                               # audio, dialogue (e.g. [editing] routes to Runway)
`;
}

interface InitOptions {
  force?: boolean;
  schema?: boolean;
}

export function registerInit(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a commented starter scenario (and its JSON Schema, for your editor)')
    .argument('[file]', 'scenario file to write', DEFAULT_SCENARIO_FILE)
    .option('--force', 'replace the file (and the schema beside it) if they exist')
    .option('--no-schema', `do not write ${SCHEMA_FILE_NAME} beside the scenario`)
    .addHelpText(
      'after',
      `
Worked example:
  $ vidcost init
  wrote vidcost.yaml
  wrote ${SCHEMA_FILE_NAME} (editor completion for vidcost.yaml)
  next: edit vidcost.yaml, then run: vidcost estimate vidcost.yaml

  $ vidcost estimate vidcost.yaml --as-of 2026-06-01
  Cheapest route: ~$675.00/month, within the $1,500.00 ceiling
  Workload "drafts": 500 clips × 10 s at 1080p, 3 generations per kept clip
   fal/pika-2.5     ~$675.00   cheapest
   fal/wan-2.5      ~$750.00
  …

  $ vidcost init scenarios/launch.yaml    another name or folder (the folder must exist)
  $ vidcost init --force                  start over, replacing vidcost.yaml

vidcost init never replaces an existing file without --force; a schema file already there is
kept (refresh it with: vidcost schema --out ${SCHEMA_FILE_NAME} --force).`,
    )
    .action((file: string, opts: InitOptions) => {
      const path = resolve(io.cwd, file);
      const shown = displayPath(path, io.cwd);
      const force = Boolean(opts.force);
      if (existsSync(path) && statSync(path).isDirectory()) {
        throw inputError(shown, `is a folder; name the scenario file to write, e.g. vidcost init ${join(shown, DEFAULT_SCENARIO_FILE)}`);
      }
      if (existsSync(path) && !force) {
        throw inputError(shown, 'already exists; vidcost init never replaces a file (pass --force to replace it, or name another file)');
      }
      const dir = dirname(path);
      if (!existsSync(dir)) throw inputError(shown, `folder ${displayPath(dir, io.cwd)} does not exist; create it first`);
      const schemaPath = join(dir, SCHEMA_FILE_NAME);
      const schemaShown = displayPath(schemaPath, io.cwd);
      if (opts.schema !== false && schemaPath === path)
        throw inputError(shown, `is the name of the schema file init writes beside the scenario; pick another name or pass --no-schema`);
      writeFileAtomic(path, starterScenario(shown), force);
      io.stdout(`wrote ${shown}\n`);
      if (opts.schema !== false) {
        if (existsSync(schemaPath) && !force) {
          io.stdout(`kept the existing ${schemaShown} (refresh it with: vidcost schema --out ${schemaShown} --force)\n`);
        } else {
          writeFileAtomic(schemaPath, scenarioJsonSchemaText(), force);
          io.stdout(`wrote ${schemaShown} (editor completion for ${shown})\n`);
        }
      }
      io.stdout(`next: edit ${shown}, then run: vidcost estimate ${shown}\n`);
      setExit(0);
    });
}
