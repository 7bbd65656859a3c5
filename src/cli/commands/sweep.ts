// `vidcost sweep FILE --vary FIELD=FROM..TO [--steps N] [--workload NAME]`: the monthly cost on
// each offering as one input varies, and the exact points where the cheapest offering changes
// (on the web-app channel also where one set of plans stops covering the volume).
import type { Command } from 'commander';
import { inputError, nearMiss } from '../../errors.js';
import { INPUT_FIELDS, type InputField } from '../../engine/forecast.js';
import { DEFAULT_STEPS, MAX_STEPS, sweep, SweepInputError } from '../../engine/sweep.js';
import { dec, type Dec } from '../../money/decimal.js';
import { sweepHtml } from '../../render/forecast-html.js';
import { sweepCsv, sweepJson, sweepView } from '../../render/sweep.js';
import type { CliIo } from '../io.js';
import { numberTextProblem, readNumberText } from '../../money/number-text.js';
import { parseWholeOption, withScenarioOptions, type ScenarioCliOptions } from '../options.js';
import { checkFormat, emit, render } from '../output.js';
import { loadAndEstimate } from '../scenario-run.js';

export interface SweepCliOptions extends ScenarioCliOptions {
  vary?: string;
  steps: string;
  workload?: string;
}

/** Places a --vary bound may have: the grid between them is kept to this many places, so no step falls outside the range. */
export const VARY_MAX_PLACES = 4;

/** "clips_per_month=100..5000" → field and exact range. */
export function parseVary(value: string | undefined): { field: InputField; from: Dec; to: Dec } {
  if (value === undefined)
    throw inputError('--vary', `required: FIELD=FROM..TO, where FIELD is ${INPUT_FIELDS.join(', ')} (e.g. --vary clips_per_month=100..5000)`);
  const m = /^\s*([A-Za-z_.-]+)\s*=\s*(.*?)\s*\.\.\s*(.*?)\s*$/.exec(value);
  if (!m) throw inputError('--vary', `expected FIELD=FROM..TO (e.g. clips_per_month=100..5000), found "${value}"`);
  const [, name = '', fromText = '', toText = ''] = m;
  if (!(INPUT_FIELDS as readonly string[]).includes(name)) {
    const prefix = name.length >= 3 ? INPUT_FIELDS.find((f) => f.startsWith(name.toLowerCase().replace(/-/g, '_'))) : undefined;
    throw inputError('--vary', `expected one of ${INPUT_FIELDS.join(', ')}, found "${name}"`, '', null, null, prefix ?? nearMiss(name, INPUT_FIELDS));
  }
  const num = (t: string) => {
    const literal = readNumberText(t);
    if (literal === null) throw inputError('--vary', `${numberTextProblem(t)} (e.g. clips_per_month=100..5000)`);
    const places = literal.includes('.') ? literal.length - literal.indexOf('.') - 1 : 0;
    if (places > VARY_MAX_PLACES) throw inputError('--vary', `${t} has ${places} decimal places; a sweep reads its bounds to ${VARY_MAX_PLACES} places`);
    return dec(literal);
  };
  return { field: name as InputField, from: num(fromText), to: num(toText) };
}

export function registerSweep(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withScenarioOptions(
    program
      .command('sweep')
      .description('cost curves per offering as one input varies, and the exact break-even points where the cheapest changes')
      .argument('<scenario>', 'scenario file (YAML)'),
  )
    .option('--vary <field=from..to>', `the input and its range: ${INPUT_FIELDS.join(', ')} (e.g. clips_per_month=100..5000)`)
    .option('--steps <n>', `points on the curves, 2 to ${MAX_STEPS} (break-even points are solved exactly, not read off them)`, String(DEFAULT_STEPS))
    .option('-w, --workload <name>', 'the workload whose input varies (needed when the scenario has several)')
    .addHelpText(
      'after',
      `
Examples:
  $ vidcost sweep scenarios/ad-variants.yaml --vary seconds_per_clip=2..20 --as-of 2026-06-01
  $ vidcost sweep scenarios/uncertain-launch.yaml --vary clips_per_month=100..10000 --workload drafts
  $ vidcost sweep scenarios/web-app-team.yaml --vary clips_per_month=5..200 --workload concept-drafts --format json

Exit status: 0 done; 2 bad input; 3 internal error.`,
    )
    .action((file: string, opts: SweepCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv', 'html'], opts.out);
      const vary = parseVary(opts.vary);
      const steps = parseWholeOption(opts.steps, '--steps', 2, MAX_STEPS);
      const { report: estimated, sheets } = loadAndEstimate(file, opts, io);
      let report: ReturnType<typeof sweep>;
      try {
        report = sweep(sheets, estimated.scenarioData, {
          asOf: estimated.asOf,
          forceAsOf: true,
          staleAfterDays: estimated.staleAfterDays,
          ...vary,
          steps,
          ...(opts.workload !== undefined ? { workload: opts.workload } : {}),
        });
      } catch (error) {
        if (error instanceof SweepInputError) {
          const names = estimated.scenarioData.workloads.map((w) => w.name);
          const suggestion = error.option === '--workload' && opts.workload ? nearMiss(opts.workload, names) : error.suggestion;
          throw inputError(error.option, error.message, '', null, null, suggestion);
        }
        throw error;
      }
      // terminal bars in a table; Markdown for a pull request gets the figures without them
      const text = render(
        format,
        {
          view: (target) => sweepView(report, { bars: target === 'table', verbose: Boolean(opts.verbose) }),
          json: () => sweepJson(report),
          csv: () => sweepCsv(report),
          html: () => sweepHtml(report),
        },
        io,
        opts,
      );
      emit(io, text, opts);
      setExit(0);
    });
}
