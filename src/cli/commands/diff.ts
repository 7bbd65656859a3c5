// `vidcost diff`: two price-sheet files, two dates over the versioned sheets, or two pricing folders;
// with --scenario, what the change does to the monthly cost; with --fail-on-increase, a CI gate.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { diffCatalogs, type DiffReport } from '../../engine/diff.js';
import { increaseGate } from '../../engine/compare.js';
import { InputError, inputError } from '../../errors.js';
import { catalogAt, type Catalog } from '../../pricing/catalog.js';
import { parseSheet } from '../../pricing/load-sheet.js';
import type { Offering, PriceSheet } from '../../pricing/model.js';
import { diffCsv, diffJson, diffMarkdown, diffView } from '../../render/diff.js';
import { diffHtml } from '../../render/estimate-html.js';
import { checkRefs, refsOf, vendorsOf } from '../../scenario/check.js';
import type { ParsedScenario } from '../../scenario/parse.js';
import { parsePercentOption } from '../baseline.js';
import { readTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { parseCountOption, parseDateOption, withOutputOptions } from '../options.js';
import { checkFormat, emit, FORMAT_DEFAULT_HELP, render } from '../output.js';
import { displayPath, loadPricing, readSheets } from '../sheets.js';
import { ceilingGate, needCeiling, readScenario } from '../scenario-run.js';

interface DiffCliOptions {
  from?: string;
  to?: string;
  base?: string;
  pricing?: string;
  asOf?: string;
  scenario?: string;
  failOnIncrease?: string;
  failOnCeiling?: boolean;
  staleAfter?: string;
  verbose?: boolean;
  format: string;
  out?: string;
  force?: boolean;
}

const HOW = 'compare two sheet files (vidcost diff OLD.yaml NEW.yaml), two dates (--from DATE --to DATE) or two pricing folders (--base DIR [--pricing DIR])';

function readSheetFile(file: string, io: CliIo): PriceSheet {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  return parseSheet(readTextFile(path, shown), shown, { today: io.today() });
}

/** Offering ids the scenario lists must exist on at least one side (a typo is bad input). */
function checkOnEitherSide(parsed: ParsedScenario, base: Catalog, now: Catalog): void {
  const byId = new Map<string, Offering>();
  for (const o of [...base.offerings, ...now.offerings]) byId.set(o.id, o);
  const union: Catalog = { asOf: now.asOf, sheets: [...base.sheets, ...now.sheets], offerings: [...byId.values()], plans: [], notYetInForce: [] };
  const found = checkRefs(refsOf(parsed), union, vendorsOf(union.sheets));
  if (found.length > 0) throw new InputError(found);
}

export function runDiff(files: string[], opts: DiffCliOptions, io: CliIo): DiffReport {
  const modes = [files.length > 0, opts.from !== undefined || opts.to !== undefined, opts.base !== undefined].filter(Boolean).length;
  if (modes === 0) throw inputError('diff', `nothing to compare: ${HOW}`);
  if (modes > 1) throw inputError('diff', `choose one comparison: ${HOW}`);
  const parsed = opts.scenario ? readScenario(opts.scenario, io).parsed : null;
  if (parsed && opts.failOnCeiling) needCeiling(parsed);
  const scenario = parsed?.scenario;
  const staleAfterDays = opts.staleAfter === undefined ? undefined : parseCountOption(opts.staleAfter, '--stale-after');
  let base: Catalog;
  let now: Catalog;
  let labels: [string, string];
  let vendors: string[] | undefined;

  if (files.length > 0) {
    if (files.length !== 2) throw inputError('diff', `a file diff needs two sheet files, OLD and NEW (found ${files.length}); or ${HOW}`);
    const oldSheet = readSheetFile(files[0]!, io);
    const newSheet = readSheetFile(files[1]!, io);
    const latest = oldSheet.effective > newSheet.effective ? oldSheet.effective : newSheet.effective;
    const date = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : latest;
    if (date < latest)
      throw inputError('--as-of', `${date} is before ${latest}, when ${oldSheet.effective === latest ? oldSheet.file : newSheet.file} takes effect`);
    vendors = [...new Set([oldSheet.vendor, newSheet.vendor])];
    // With a scenario, the rest of the market comes from the pricing folder, the same on both sides.
    const rest = scenario ? loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() }).filter((s) => !vendors!.includes(s.vendor)) : [];
    base = catalogAt([...rest, oldSheet], date);
    now = catalogAt([...rest, newSheet], date);
    labels = [oldSheet.file, newSheet.file];
  } else if (opts.base !== undefined) {
    const baseSheets = readSheets(opts.base, io.cwd, io.today());
    const nowSheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
    const date = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : (scenario?.asOf ?? io.today());
    base = catalogAt(baseSheets, date);
    now = catalogAt(nowSheets, date);
    labels = [displayPath(resolve(io.cwd, opts.base), io.cwd), opts.pricing ? displayPath(resolve(io.cwd, opts.pricing), io.cwd) : 'pricing-data'];
  } else {
    if (opts.from === undefined) throw inputError('--to', 'needs --from DATE: the date of the prices to compare against');
    if (opts.asOf !== undefined) throw inputError('--as-of', 'does not apply to --from/--to, which name both dates');
    const from = parseDateOption(opts.from, '--from');
    const to = opts.to === undefined ? io.today() : parseDateOption(opts.to, '--to');
    const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
    base = catalogAt(sheets, from);
    now = catalogAt(sheets, to);
    const label = opts.pricing ? displayPath(resolve(io.cwd, opts.pricing), io.cwd) : 'pricing-data';
    labels = [label, label];
  }
  if (parsed) checkOnEitherSide(parsed, base, now);
  return diffCatalogs(base, now, {
    baseLabel: labels[0],
    nowLabel: labels[1],
    ...(scenario ? { scenario } : {}),
    ...(vendors ? { vendors } : {}),
    ...(staleAfterDays === undefined ? {} : { staleAfterDays }),
  });
}

export function registerDiff(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(
    program
      .command('diff')
      .description('what changed between two price sets (files, dates or folders), and what it does to a scenario')
      .argument('[files...]', 'two price-sheet files: OLD.yaml NEW.yaml')
      .option('--from <date>', 'compare the prices in force on this date, YYYY-MM-DD ...')
      .option('--to <date>', '... with the prices in force on this one (default: today)')
      .option('--base <dir>', 'compare this pricing folder (e.g. a checkout of main) with the current one')
      .option('--pricing <dir>', 'the current pricing folder instead of the bundled pricing-data/')
      .option(
        '--as-of <date>',
        "with --base or files: the date both sides are read at (default: the scenario's as_of, else today; files: the later effective date)",
      )
      .option('--scenario <file>', 'also show the monthly cost of this scenario per offering and on the recommended route')
      .option('--fail-on-increase <pct>', "exit 1 when the recommended route's monthly cost rises by more than this percent (needs --scenario)")
      .option(
        '--fail-on-ceiling',
        'exit 1 when the new recommended route costs more than budget.monthly_ceiling_usd, or its cost is unknown (needs --scenario)',
      )
      .option('--stale-after <days>', 'warn when a sheet was verified more than this many days before the date', '60')
      .option('--verbose', 'list every advisory on its own line (by default one line per code, with counts; JSON always lists all)')
      .option('-f, --format <format>', `table, json, markdown, csv or html ${FORMAT_DEFAULT_HELP}`),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ vidcost diff pricing-data/runway/2026-06-01.yaml pricing-data/runway/2026-12-01.yaml
  $ vidcost diff --from 2026-06-01 --to 2026-12-01 --scenario scenarios/social-drafts.yaml
  $ vidcost diff --base ../main/pricing-data --scenario s.yaml --format markdown --fail-on-increase 10

Exit status: 0 done; 1 a gate failed; 2 bad input; 3 internal error.`,
    )
    .action((files: string[], opts: DiffCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv', 'html'], opts.out);
      const maxPct = opts.failOnIncrease === undefined ? null : parsePercentOption(opts.failOnIncrease, '--fail-on-increase');
      if (maxPct !== null && !opts.scenario)
        throw inputError('--fail-on-increase', "needs --scenario FILE: the gate measures the recommended route's monthly cost");
      if (opts.failOnCeiling && !opts.scenario)
        throw inputError('--fail-on-ceiling', "needs --scenario FILE: the gate measures the recommended route's monthly cost");
      const report = runDiff(files, opts, io);
      const text =
        format === 'markdown'
          ? diffMarkdown(report)
          : render(
              format,
              {
                view: () => diffView(report, { compactRows: true, verbose: Boolean(opts.verbose) }),
                json: () => diffJson(report),
                csv: () => diffCsv(report),
                html: () => diffHtml(report),
              },
              io,
              opts,
            );
      emit(io, text, opts);
      const failures: string[] = [];
      if (report.impact && maxPct !== null) {
        const failure = increaseGate(report.impact.comparison.recommendation, maxPct);
        if (failure) failures.push(failure);
      }
      if (report.impact && opts.failOnCeiling) {
        const failure = ceilingGate(report.impact.now);
        if (failure) failures.push(failure);
      }
      for (const f of failures) io.stderr(`vidcost: ${f}\n`);
      setExit(failures.length ? 1 : 0);
    });
}
