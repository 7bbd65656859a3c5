// `vidcost schema`: the JSON Schema of scenario files, generated from the zod schema the parser
// uses, so an editor (yaml-language-server) validates and completes exactly what vidcost accepts.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { checkOutPath, writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { withOutputOptions } from '../options.js';
import { displayPath } from '../sheets.js';
import { scenarioJsonSchemaText } from '../scenario-json-schema.js';

export function registerSchema(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(program.command('schema').description('print the JSON Schema of scenario files, for editors and CI validators'))
    .addHelpText(
      'after',
      `
Examples:
  $ vidcost schema --out vidcost.schema.json
  wrote vidcost.schema.json

  Then name it on the first line of a scenario, and editors using yaml-language-server
  (VS Code's YAML extension, Neovim, Helix, JetBrains) complete and check every field:
    # yaml-language-server: $schema=./vidcost.schema.json
  The path is relative to the scenario file. \`vidcost init\` writes both files for you.`,
    )
    .action((opts: { out?: string; force?: boolean }) => {
      const text = scenarioJsonSchemaText();
      if (opts.out !== undefined) {
        checkOutPath(opts.out);
        const path = resolve(io.cwd, opts.out);
        writeFileAtomic(path, text, Boolean(opts.force), { display: displayPath(path, io.cwd) });
        io.stderr(`wrote ${displayPath(path, io.cwd)}\n`);
      } else {
        io.stdout(text);
      }
      setExit(0);
    });
}
