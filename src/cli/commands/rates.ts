import type { Command } from 'commander';
import { ratesReport } from '../../engine/rates.js';
import { inputError } from '../../errors.js';
import { catalogAt } from '../../pricing/catalog.js';
import { ratesCsv, ratesJson, ratesView } from '../../render/rates.js';
import type { CliIo } from '../io.js';
import { checkFormat, emit, render } from '../output.js';
import { loadPricing } from '../sheets.js';
import { parseDateOption, parseResolutionOption, withOutputOptions } from '../options.js';

export interface RatesCliOptions {
  resolution: string;
  asOf?: string;
  all?: boolean;
  explain?: boolean;
  clipSeconds: string;
  format: string;
  out?: string;
  force?: boolean;
  pricing?: string;
}

/** A clip length for the worked example: a positive whole or decimal number of seconds, at most an hour. */
function parseClipSeconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 3600) {
    throw inputError('--clip-seconds', `expected a clip length in seconds, more than 0 and at most 3600, found "${value}"`);
  }
  return n;
}

export function registerRates(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(
    program
      .command('rates')
      .description('every offering normalized to USD per second of video (the article\'s Table 1)')
      .option('-r, --resolution <res>', 'resolution to normalize to: 480p, 540p, 720p, 1024p, 1080p', '1080p')
      .option('--as-of <date>', 'prices in force on this date, YYYY-MM-DD (default: today)')
      .option('--all', 'list every priced variant (resolution, audio, HDR, batch, channel)')
      .option('--explain', 'print the arithmetic behind every figure')
      .option('--clip-seconds <n>', 'clip length for the worked per-clip line of --explain', '10')
      .option('-f, --format <format>', 'table, json, markdown or csv', 'table')
  )
    .option('--pricing <dir>', 'read price sheets from this folder instead of the bundled pricing-data/')
    .addHelpText(
      'after',
      `
Examples:
  $ vidcost rates --as-of 2026-06-01      Table 1: $/s at 1080p, credits/s beside
  $ vidcost rates --explain --as-of 2026-06-01
      runway/gen4:
        12 credits × $0.01 per credit = $0.12 per second (approximate)
        10 seconds × $0.12 per second = $1.20 per clip (approximate)
  $ vidcost rates --all --format json     every variant, money as decimal strings`,
    )
    .action((opts: RatesCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv']);
      const resolution = parseResolutionOption(opts.resolution);
      const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : io.today();
      const clipSeconds = parseClipSeconds(opts.clipSeconds);
      const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
      const report = ratesReport(catalogAt(sheets, asOf), { resolution, all: opts.all, clipSeconds });
      const text = render(
        format,
        {
          view: () => ratesView(report, { explain: Boolean(opts.explain), align: format === 'table' }),
          json: () => ratesJson(report),
          csv: () => ratesCsv(report),
        },
        io,
        opts,
        Boolean(opts.out),
      );
      emit(io, text, opts);
      setExit(0);
    });
}
