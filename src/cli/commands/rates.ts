import type { Command } from 'commander';
import { ratesReport } from '../../engine/rates.js';
import { litellmExport } from '../../engine/litellm-export.js';
import { litellmJson } from '../../render/litellm.js';
import { inputError } from '../../errors.js';
import { catalogAt } from '../../pricing/catalog.js';
import { ratesCsv, ratesJson, ratesView } from '../../render/rates.js';
import type { CliIo } from '../io.js';
import { checkFormat, emit, FORMAT_DEFAULT_HELP, render } from '../output.js';
import { loadPricing } from '../sheets.js';
import { parseCountOption, parseDateOption, parseResolutionOption, withOutputOptions } from '../options.js';

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
  staleAfter: string;
  verbose?: boolean;
}

/** A clip length for the worked example: a positive whole or decimal number of seconds, at most an hour. */
function parseClipSeconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 3600) {
    throw inputError('--clip-seconds', `expected a clip length in seconds, more than 0 and at most 3600, found "${value}"`);
  }
  return n;
}

/**
 * The API prices per second as LiteLLM price-map entries; what cannot be written as one number per
 * second is said on stderr, never written.
 */
function litellmFormat(opts: RatesCliOptions, io: CliIo): void {
  const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : io.today();
  const report = litellmExport(catalogAt(loadPricing({ pricingDir: opts.pricing, cwd: io.cwd }), asOf));
  emit(io, litellmJson(report), opts);
  for (const l of report.leftOut) io.stderr(`vidcost: left out ${l.offering} (${l.variant}): ${l.why}\n`);
}

export function registerRates(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(
    program
      .command('rates')
      .description("every offering normalized to USD per second of video (the article's Table 1)")
      .option('-r, --resolution <res>', 'resolution to normalize to: 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p (or 4k)', '1080p')
      .option('--as-of <date>', 'prices in force on this date, YYYY-MM-DD (default: today)')
      .option('--all', 'list every priced variant (resolution, audio, HDR, batch, channel)')
      .option('--explain', 'print the arithmetic behind every figure')
      .option('--clip-seconds <n>', 'clip length for the worked per-clip line of --explain', '10')
      .option('-f, --format <format>', `table, json, markdown, csv, or litellm (entries of LiteLLM's price map) ${FORMAT_DEFAULT_HELP}`),
  )
    .option('--pricing <dir>', 'read price sheets from this folder instead of the bundled pricing-data/')
    .option('--stale-after <days>', 'warn when a sheet was verified more than this many days before the date', '60')
    .option('--verbose', 'list every advisory on its own line (by default one line per code, with counts; JSON always lists all)')
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
      if (opts.format === 'litellm') {
        litellmFormat(opts, io);
        setExit(0);
        return;
      }
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv'], opts.out);
      const resolution = parseResolutionOption(opts.resolution);
      const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : io.today();
      const clipSeconds = parseClipSeconds(opts.clipSeconds);
      const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
      const staleAfterDays = parseCountOption(opts.staleAfter, '--stale-after');
      const report = ratesReport(catalogAt(sheets, asOf), { resolution, all: opts.all, clipSeconds, staleAfterDays });
      const text = render(
        format,
        {
          view: () => ratesView(report, { explain: Boolean(opts.explain), align: format === 'table', verbose: Boolean(opts.verbose) }),
          json: () => ratesJson(report),
          csv: () => ratesCsv(report),
        },
        io,
        opts,
      );
      emit(io, text, opts);
      setExit(0);
    });
}
