// `vidcost actuals FILE...`: real usage (a usage log the team's adapter writes, or a FOCUS billing
// export) against the plan: spend to date, the projection to month end, the day the ceiling is
// reached, and the scenario written back with what was measured.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { inputError, InputError, nearMiss, type Problem } from '../../errors.js';
import { ActualsAccumulator } from '../../engine/actuals.js';
import { actualsReport, type ActualsReport } from '../../engine/actuals-report.js';
import { budgetOf } from '../../money/figure.js';
import { formatMoney, formatUsd } from '../../money/format.js';
import { focusOfferingIndex } from '../../usage/focus.js';
import { CountingSink, usageLineReader } from '../../usage/usage-reader.js';
import { locate } from '../../input/yaml-locate.js';
import { readYaml } from '../../input/yaml-read.js';
import type { PriceSheet } from '../../pricing/model.js';
import { actualsCsv, actualsJson, actualsView } from '../../render/actuals.js';
import { actualsHtml } from '../../render/actuals-html.js';
import { calibrations, writeBackScenario } from '../calibrate.js';
import { parseScenarioFile } from '../../scenario/parse.js';
import { readTextFile, writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import { parseDateOption, withOutputOptions } from '../options.js';
import { checkFormat, emit, FORMAT_DEFAULT_HELP, render } from '../output.js';
import { checkScenario, readScenario } from '../scenario-run.js';
import { displayPath, loadPricing } from '../sheets.js';
import { streamLines } from '../usage-files.js';

export interface ActualsCliOptions {
  scenario?: string;
  asOf?: string;
  pricing?: string;
  map?: string;
  format: string;
  out?: string;
  force?: boolean;
  failOnProjectedCeiling?: boolean;
  writeScenario?: string;
}

/** --map FILE: `{ <ModelId or SkuId>: <offering id> }`, every id checked against the sheets. */
function readMap(file: string, sheets: readonly PriceSheet[], io: CliIo): Record<string, string> {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  const parsed = readYaml(readTextFile(path, shown), shown);
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw inputError(shown, 'expected a mapping of ModelId or SkuId to offering id, e.g. "veo-3.1-generate-preview: google/veo-3.1"', '', 1, 1);
  const ids = [...new Set(sheets.flatMap((s) => s.offerings.map((o) => o.id)))];
  const problems: Problem[] = [];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const where = locate(parsed, [key]);
    if (typeof value !== 'string') problems.push({ file: shown, ...where, field: key, message: 'expected an offering id, e.g. google/veo-3.1' });
    else if (!ids.includes(value))
      problems.push({
        file: shown,
        ...where,
        field: key,
        message: `unknown offering "${value}"`,
        ...(nearMiss(value, ids) ? { suggestion: nearMiss(value, ids)! } : {}),
      });
    else out[key] = value;
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/**
 * Every file read into one accumulator. Problems are gathered per file (the first 20 kept, the rest
 * counted) and raised together at the end, so one run names every broken file.
 */
function readUsage(files: readonly string[], acc: ActualsAccumulator, index: ReadonlyMap<string, string>, io: CliIo): void {
  const problems: Problem[] = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const shown = displayPath(path, io.cwd);
    const sink = new CountingSink(20);
    const reader = usageLineReader(shown, (row, line) => acc.add(row, shown, line), sink, index);
    streamLines(path, shown, (text, line) => reader.line(text, line));
    reader.end();
    acc.skip(reader.stats.skipped);
    problems.push(...sink.kept);
    // the uncounted rest, as one shared entry each, so the summary line says how many there are
    if (sink.count > sink.kept.length) {
      const rest: Problem = { file: shown, line: null, column: null, field: '', message: 'another problem' };
      for (let i = sink.kept.length; i < sink.count; i++) problems.push(rest);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** The gate: the projection (its high end) over the ceiling fails; an unknown projection fails closed. */
export function projectedCeilingGate(report: ActualsReport): string | null {
  const ceiling = report.ceilingUsd;
  if (ceiling === null) return null;
  const high = budgetOf(report.projectedMonthUsd);
  if (high === null) {
    return `gate failed: the projection for ${report.window.month} is ${formatMoney(report.projectedMonthUsd)}, part of it unknown, so vidcost cannot say it stays within the ${formatUsd(ceiling)} ceiling (--fail-on-projected-ceiling fails closed)`;
  }
  if (high.lte(ceiling)) return null;
  return `gate failed: ${report.window.month} is projected at ${formatMoney(report.projectedMonthUsd)}, over the ${formatUsd(ceiling)} ceiling (--fail-on-projected-ceiling)`;
}

export function registerActuals(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withOutputOptions(
    program
      .command('actuals')
      .description('real usage against the plan: spend this month, the projection to month end, the day the ceiling is reached; calibrates the scenario')
      .argument('<file...>', 'usage logs (JSON Lines, or CSV with a header row) or FOCUS billing exports (CSV)')
      .option('-s, --scenario <file>', 'the plan: planned spend per workload, the ceiling, the regeneration factor')
      .option('--as-of <date>', 'the month holding this date, up to and including it, YYYY-MM-DD (default: today)')
      .option('-f, --format <format>', `table, json, markdown, csv or html ${FORMAT_DEFAULT_HELP}`),
  )
    .option('--pricing <dir>', 'read price sheets from this folder instead of the bundled pricing-data/')
    .option('--map <file>', 'YAML mapping of FOCUS ModelId or SkuId to offering id')
    .option('--fail-on-projected-ceiling', "exit 1 when the projection (its high end) passes the scenario's ceiling, or is unknown")
    .option(
      '--write-scenario <file>',
      'write the scenario back with the measured clips_per_month and regeneration_factor (P10, median, P90); --force replaces an existing file',
    )
    .addHelpText(
      'after',
      `
Usage log fields (one row per generation request): time, offering, seconds, status
(succeeded | failed | canceled), job; optional resolution, audio, hdr, batch, kept, workload, usd.

Examples:
  $ vidcost actuals usage.jsonl --as-of 2026-11-10
  $ vidcost actuals usage.jsonl --scenario plan.yaml --fail-on-projected-ceiling --format markdown
  $ vidcost actuals focus-export.csv --map skus.yaml --format json
  $ vidcost actuals usage.jsonl --scenario plan.yaml --write-scenario calibrated.yaml

Exit status: 0 done; 1 a gate failed; 2 bad input; 3 internal error.`,
    )
    .action((files: string[], opts: ActualsCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv', 'html'], opts.out);
      const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : io.today();
      if (opts.failOnProjectedCeiling && !opts.scenario) throw inputError('--fail-on-projected-ceiling', 'needs --scenario with budget.monthly_ceiling_usd');
      if (opts.writeScenario && !opts.scenario) throw inputError('--write-scenario', 'needs --scenario: the scenario to write back');
      const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd });
      const plan = opts.scenario ? readScenario(opts.scenario, io) : null;
      if (plan) checkScenario(plan.parsed, sheets, asOf);
      if (opts.failOnProjectedCeiling && plan?.parsed.scenario.budget.monthlyCeilingUsd === null) {
        throw inputError('--fail-on-projected-ceiling', `needs budget.monthly_ceiling_usd in ${plan.parsed.file}`);
      }
      const index = focusOfferingIndex(sheets, opts.map ? readMap(opts.map, sheets, io) : {});
      const acc = new ActualsAccumulator(sheets, { asOf, scenario: plan?.parsed.scenario ?? null });
      readUsage(files, acc, index, io);
      const report = actualsReport(acc);
      const text = render(
        format,
        { view: () => actualsView(report), json: () => actualsJson(report), csv: () => actualsCsv(report), html: () => actualsHtml(report) },
        io,
        opts,
      );
      emit(io, text, opts);
      if (opts.writeScenario && plan) {
        const names = plan.parsed.scenario.workloads.map((w) => w.name);
        const result = calibrations(report, names);
        const written = writeBackScenario(plan.text, result.calibrated, `measured ${report.window.month}-01 to ${report.asOf} by vidcost actuals`);
        const target = resolve(io.cwd, opts.writeScenario);
        const shown = displayPath(target, io.cwd);
        // what is written must read back as a scenario: never leave a file forecast cannot use
        try {
          parseScenarioFile(written, shown);
        } catch (error) {
          throw new Error(`the calibrated scenario does not read back (${error instanceof Error ? error.message : String(error)}); nothing was written`);
        }
        writeFileAtomic(target, written, Boolean(opts.force), { display: shown });
        const changed = result.calibrated.map(
          (c) =>
            `${c.workload}: clips_per_month ${c.clipsPerMonth.toString()}${c.regeneration ? `, regeneration_factor ${c.regeneration.low.toString()}/${c.regeneration.likely.toString()}/${c.regeneration.high.toString()} (P10/median/P90)` : ' (no kept clip: regeneration_factor left as written)'}`,
        );
        io.stderr(`vidcost: wrote ${shown}: ${changed.length ? changed.join('; ') : 'no workload of the scenario has usage rows, nothing changed'}\n`);
        if (result.unmeasured.length) io.stderr(`vidcost: left as written (no usage rows): ${result.unmeasured.join(', ')}\n`);
        if (result.notInScenario.length) io.stderr(`vidcost: usage of workloads the scenario does not have, not added: ${result.notInScenario.join(', ')}\n`);
      }
      if (opts.failOnProjectedCeiling) {
        const failure = projectedCeilingGate(report);
        if (failure) {
          io.stderr(`vidcost: ${failure}\n`);
          setExit(1);
        }
      }
    });
}
