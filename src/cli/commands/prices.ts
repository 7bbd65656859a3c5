// `vidcost prices`: keeping the price sheets true. `check` cross-checks them against independent
// price maps (LiteLLM, Portkey), `sources` lists every source with its age, `new` drafts the next
// dated sheet of a vendor from the one in force.
import type { Command } from 'commander';
import * as fs from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { drifted, priceCheck } from '../../engine/price-check.js';
import { sourcesReport } from '../../engine/sources.js';
import { inputError, nearMiss } from '../../errors.js';
import { parseExactJson } from '../../input/exact-json.js';
import { catalogAt } from '../../pricing/catalog.js';
import { parseSheet, sheetPathClaims } from '../../pricing/load-sheet.js';
import { nextSheetText } from '../../pricing/next-sheet.js';
import { readPriceMap, type PriceMap } from '../../pricing/price-maps.js';
import { priceCheckCsv, priceCheckJson, priceCheckView } from '../../render/price-check.js';
import { sourcesCsv, sourcesJson, sourcesView } from '../../render/sources.js';
import { decodeText, readTextFile, writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { parseDateOption, withOutputOptions } from '../options.js';
import { checkFormat, emit, FORMAT_DEFAULT_HELP, render } from '../output.js';
import { bundledPricingDir, displayPath, loadPricing, sheetFiles } from '../sheets.js';

/** Largest price map read: LiteLLM's whole map is about 1.5 MB. */
export const MAX_PRICE_MAP_BYTES = 64 * 1024 * 1024;

interface CheckCliOptions {
  against: string[];
  asOf?: string;
  pricing?: string;
  format: string;
  failOnDrift?: boolean;
  out?: string;
  force?: boolean;
}

interface SourcesCliOptions {
  asOf?: string;
  pricing?: string;
  format: string;
  out?: string;
  force?: boolean;
}

interface NewCliOptions {
  effective?: string;
  pricing?: string;
}

/** A price map's text: a regular UTF-8 file of at most MAX_PRICE_MAP_BYTES. */
function readPriceMapText(path: string, display: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(display, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
  }
  if (stat.isDirectory()) throw inputError(display, 'is a directory; expected a price map file (JSON)');
  if (!stat.isFile()) throw inputError(display, 'is not a regular file; expected a price map file (JSON)');
  if (stat.size > MAX_PRICE_MAP_BYTES)
    throw inputError(display, `file is ${stat.size} bytes; vidcost reads price maps up to ${MAX_PRICE_MAP_BYTES / 1024 / 1024} MiB`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (error) {
    throw inputError(display, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.length > MAX_PRICE_MAP_BYTES) throw inputError(display, `file is larger than ${MAX_PRICE_MAP_BYTES / 1024 / 1024} MiB`);
  return decodeText(bytes, display);
}

function readPriceMaps(files: readonly string[], io: CliIo): PriceMap[] {
  const maps: PriceMap[] = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const shown = displayPath(path, io.cwd);
    const map = readPriceMap(parseExactJson(readPriceMapText(path, shown), shown), shown, basename(path));
    const twin = maps.find((m) => m.source === map.source && m.provider === map.provider);
    if (twin) {
      const what = map.source === 'litellm' ? "LiteLLM's map" : `Portkey's ${map.provider} prices (the provider is the file name)`;
      throw inputError(shown, `a second copy of ${what}; ${twin.file} is the first: pass one`);
    }
    maps.push(map);
  }
  return maps;
}

function registerCheck(prices: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(
    prices
      .command('check')
      .description("cross-check the sheets in force against LiteLLM's price map and Portkey's price files")
      .requiredOption('--against <files...>', "LiteLLM's model_prices_and_context_window.json and/or Portkey pricing/<provider>.json files")
      .option('--as-of <date>', 'sheets in force on this date, YYYY-MM-DD (default: today)')
      .option('-f, --format <format>', `table, json, markdown or csv ${FORMAT_DEFAULT_HELP}`)
      .option('--fail-on-drift', 'exit 1 when any mapped price differs'),
  )
    .option('--pricing <dir>', 'read price sheets from this folder instead of the bundled pricing-data/')
    .addHelpText(
      'after',
      `
Which map entry prices which offering variant is written in the sheets (a rate's external: list).
Portkey's prices are in cents; its zeros are placeholders (no price). A Portkey file's provider is
its file name (pricing/openai.json: openai).

Examples:
  $ curl -sSLo litellm.json https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json
  $ vidcost prices check --against litellm.json --fail-on-drift
  $ vidcost prices check --against litellm.json openai.json --format json`,
    )
    .action((opts: CheckCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv'], opts.out);
      const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : io.today();
      const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd });
      const maps = readPriceMaps(opts.against, io);
      const report = priceCheck(catalogAt(sheets, asOf), maps);
      const text = render(
        format,
        { view: (target) => priceCheckView(report, target), json: () => priceCheckJson(report), csv: () => priceCheckCsv(report) },
        io,
        opts,
      );
      emit(io, text, opts);
      for (const p of report.unmappedProviders) {
        io.stderr(
          `vidcost: note: no sheet maps an entry of Portkey provider "${p}" (taken from the file name); name the file after its provider, e.g. openai.json\n`,
        );
      }
      const drift = drifted(report);
      if (opts.failOnDrift && drift.length > 0) {
        const list = drift.map((d) =>
          `${d.offering} ${d.resolution ?? ''}${d.batch ? ' batch' : ''} vs ${d.source}${d.provider ? ` ${d.provider}` : ''} ${d.key}`.replace(/\s+/g, ' '),
        );
        io.stderr(
          `vidcost: --fail-on-drift: ${drift.length} price${drift.length === 1 ? '' : 's'} differ${drift.length === 1 ? 's' : ''} from the independent maps: ${list.join('; ')}\n`,
        );
        setExit(1);
      } else setExit(0);
    });
}

function registerSources(prices: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(
    prices
      .command('sources')
      .description('every source of the sheets in force, with when it was read, its own date and its age, oldest first')
      .option('--as-of <date>', 'sheets in force on this date, and ages counted to it, YYYY-MM-DD (default: today)')
      .option('-f, --format <format>', `table, json, markdown or csv ${FORMAT_DEFAULT_HELP}`),
  )
    .option('--pricing <dir>', 'read price sheets from this folder instead of the bundled pricing-data/')
    .action((opts: SourcesCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv'], opts.out);
      const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : io.today();
      const report = sourcesReport(catalogAt(loadPricing({ pricingDir: opts.pricing, cwd: io.cwd }), asOf));
      const text = render(format, { view: (target) => sourcesView(report, target), json: () => sourcesJson(report), csv: () => sourcesCsv(report) }, io, opts);
      emit(io, text, opts);
      setExit(0);
    });
}

function registerNew(prices: Command, io: CliIo, setExit: (code: number) => void): void {
  prices
    .command('new')
    .description('draft the next dated sheet of a vendor from the one in force, ready to edit (never replaces a file)')
    .argument('<vendor>', 'the vendor, as its folder under pricing-data/ is named (openai, runway, ...)')
    .option('--effective <date>', 'the date the new sheet takes effect, YYYY-MM-DD (default: today)')
    .option('--pricing <dir>', 'the pricing folder to write in (default: the bundled pricing-data/)')
    .addHelpText(
      'after',
      `
The new file is the sheet in force on that date with effective: (and verified:) set to it; every
comment, figure and source stays as written for you to re-check. It never replaces a file: a dated
sheet is the record of its date (edit it, or choose another --effective).

Example:
  $ vidcost prices new runway --effective 2027-01-15 --pricing pricing-data`,
    )
    .action((vendor: string, opts: NewCliOptions) => {
      const effective = opts.effective ? parseDateOption(opts.effective, '--effective') : io.today();
      const dir = opts.pricing ? resolve(io.cwd, opts.pricing) : bundledPricingDir();
      const shownDir = displayPath(dir, io.cwd);
      const files = sheetFiles(dir);
      const byVendor = new Map<string, { file: string; effective: string }[]>();
      for (const file of files) {
        const claims = sheetPathClaims(file);
        if (!claims) continue;
        byVendor.set(claims.vendor, [...(byVendor.get(claims.vendor) ?? []), { file, effective: claims.effective }]);
      }
      const sheets = byVendor.get(vendor);
      if (!sheets) {
        throw inputError(
          shownDir,
          `no price sheets for vendor "${vendor}" (vendors: ${[...byVendor.keys()].join(', ') || 'none'})`,
          '',
          null,
          null,
          nearMiss(vendor, [...byVendor.keys()]),
        );
      }
      const inForce = sheets.filter((s) => s.effective <= effective).sort((a, b) => (a.effective < b.effective ? 1 : -1))[0];
      if (!inForce) {
        const first = sheets.map((s) => s.effective).sort()[0];
        throw inputError(shownDir, `no ${vendor} sheet is in force on ${effective} to start from (the first takes effect on ${first})`, '--effective');
      }
      const target = join(dir, vendor, `${effective}.yaml`);
      const shownTarget = displayPath(target, io.cwd);
      for (const existing of [target, join(dir, vendor, `${effective}.yml`)]) {
        if (fs.existsSync(existing)) {
          throw inputError(
            displayPath(existing, io.cwd),
            'already exists: a dated sheet is the record of its date, and prices new never replaces one (edit it, or choose another --effective)',
          );
        }
      }
      const shownFrom = displayPath(inForce.file, io.cwd);
      const text = nextSheetText(readTextFile(inForce.file, shownFrom), effective);
      // the draft must load as a sheet before it is written (a source read after the new verified date would not)
      parseSheet(text, shownTarget);
      writeFileAtomic(target, text, false, { display: shownTarget });
      const later = sheets
        .filter((s) => s.effective > effective)
        .map((s) => s.effective)
        .sort();
      io.stdout(`${shownTarget}\n`);
      io.stderr(
        `vidcost: wrote ${shownTarget} from ${shownFrom}: re-check every figure and source (set each source's read: date), then run vidcost prices check and vidcost diff\n`,
      );
      if (later.length > 0) io.stderr(`vidcost: note: a later ${vendor} sheet takes effect on ${later[0]}; the new one is in force only until then\n`);
      setExit(0);
    });
}

export function registerPrices(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const prices = program
    .command('prices')
    .description('keep the price sheets true: cross-check them against independent price maps, list their sources, draft the next dated sheet');
  registerCheck(prices, io, setExit);
  registerSources(prices, io, setExit);
  registerNew(prices, io, setExit);
}
