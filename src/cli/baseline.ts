// The shell side of baselines and the increase gate: `vidcost estimate FILE --compare-to BASE.json
// [--fail-on-increase PCT]`, and the percent option `vidcost diff` shares. Reads the baseline file,
// renders the comparison in the asked format, and explains a failed gate on stderr.
import { resolve } from 'node:path';
// a namespace import, so that the bundle keeps only the parts of zod/mini used (`{ z }` keeps all)
import * as z from 'zod/mini';
import { compareToBaseline, figureFromJson, increaseGate, type Baseline, type Comparison } from '../engine/compare.js';
import type { EstimateReport } from '../engine/estimate.js';
import { inputError, InputError } from '../errors.js';
import { jsonOffsetOf } from '../input/json-locate.js';
import { lineAndColumn } from '../input/text-position.js';
import { fieldPath } from '../input/yaml-locate.js';
import { explainZodIssues, useEnglishZodMessages } from '../input/zod-words.js';
import { type Dec, dec, isDecimalLiteral } from '../money/decimal.js';
import { once } from '../once.js';
import { compareCsv, compareMarkdown, comparisonJson, compareView } from '../render/compare.js';
import { estimateJson } from '../render/estimate.js';
import { estimateHtml } from '../render/estimate-html.js';
import { readRegularFile } from './files.js';
import type { CliIo } from './io.js';
import { render, type Format, type OutputOptions } from './output.js';
import { displayPath } from './sheets.js';

export const BASELINE_SCHEMA_VERSION = 1;

/** A baseline of a large scenario is bigger than a scenario file; still bounded. */
const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

/** `--fail-on-increase PCT`: a non-negative decimal percent ("10", "12.5"). */
export function parsePercentOption(value: string, option: string): Dec {
  const text = value.trim().replace(/%$/, '');
  if (!/^\d+(\.\d+)?$/.test(text)) throw inputError(option, `expected a percent like 10 or 12.5, found "${value}"`);
  return dec(text);
}

function readBaselineText(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, shown, MAX_BASELINE_BYTES, 'a baseline');
  } catch (error) {
    if (error instanceof InputError && /^no such file/.test(error.problems[0]?.message ?? '')) {
      throw inputError(shown, 'no such file; write a baseline with `vidcost estimate FILE --format json --out base.json`');
    }
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError(shown, 'file is not UTF-8 text');
  }
}

export interface BaselineRun {
  comparison: Comparison;
  /** the report in the asked format, comparison included */
  text: (format: Format, io: CliIo, options: OutputOptions) => string;
  /** the sentence explaining a failed --fail-on-increase, or null */
  gate: () => string | null;
}

/**
 * Estimate options `--compare-to` and `--fail-on-increase`. Returns null without `--compare-to`;
 * `--fail-on-increase` alone is a usage error (there is nothing to measure the increase from).
 */
export function baselineRun(report: EstimateReport, opts: { compareTo?: string; failOnIncrease?: string; verbose?: boolean }, io: CliIo): BaselineRun | null {
  const maxPct = opts.failOnIncrease === undefined ? null : parsePercentOption(opts.failOnIncrease, '--fail-on-increase');
  if (!opts.compareTo) {
    if (maxPct !== null) throw inputError('--fail-on-increase', 'needs --compare-to BASE.json: the gate measures the rise from a saved baseline');
    return null;
  }
  const path = resolve(io.cwd, opts.compareTo);
  const shown = displayPath(path, io.cwd);
  const baseline = readBaseline(readBaselineText(path, shown), shown, report.scenario);
  const comparison = compareToBaseline(baseline, report);
  return {
    comparison,
    text: (format, io2, options) =>
      format === 'markdown'
        ? compareMarkdown(report, comparison)
        : render(
            format,
            {
              view: () => compareView(report, comparison, { compactRows: true, verbose: Boolean(opts.verbose) }),
              json: () => ({ ...(estimateJson(report) as Record<string, unknown>), comparison: comparisonJson(comparison) }),
              csv: () => compareCsv(comparison, report.scenario),
              html: () => estimateHtml(report, comparison),
            },
            io2,
            options,
          ),
    gate: () => (maxPct === null ? null : increaseGate(comparison.recommendation, maxPct)),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a baseline: the JSON `vidcost estimate --format json` wrote (schemaVersion 1).

/** The schema of a baseline report, built on first use (see once.ts). */
const baselineSchema = once(() => {
  useEnglishZodMessages();
  const decimalString = z.string().check(z.refine((s) => isDecimalLiteral(s), { message: 'expected a decimal string like "1250.00"' }));
  const money = z.nullable(decimalString);
  const markerSchema = z.enum(['exact', 'approx', 'from', 'range', 'unknown']);
  const figureShape = {
    monthlyUsd: money,
    monthlyUsdLow: z.optional(money),
    monthlyUsdHigh: z.optional(money),
    approx: z.optional(z.nullable(z.boolean())),
    // null for an offering that is not eligible
    marker: z.optional(z.nullable(markerSchema)),
  };

  return z.object({
    schemaVersion: z.number(),
    kind: z.optional(z.string()),
    scenario: z.string(),
    asOf: z.string(),
    totals: z.array(z.object({ offering: z.string(), eligible: z.boolean(), reason: z.optional(z.nullable(z.string())), ...figureShape })),
    // per workload and offering: the route's figures with their honesty markers
    workloads: z.optional(
      z.array(z.object({ name: z.string(), options: z.optional(z.array(z.object({ offering: z.string(), eligible: z.boolean(), ...figureShape }))) })),
    ),
    recommendation: z.object({
      ...figureShape,
      complete: z.boolean(),
      workloads: z.array(z.object({ workload: z.string(), offering: z.nullable(z.string()), ...figureShape })),
    }),
  });
});

/** Line and column of a field in a JSON text, for error messages (one scan: baselines can be large). */
function locateField(text: string, path: readonly (string | number)[]): { line: number | null; column: number | null } {
  const offset = jsonOffsetOf(text, path);
  return offset === null ? { line: null, column: null } : lineAndColumn(text, offset);
}

function jsonSyntaxPosition(text: string, error: unknown): { line: number | null; column: number | null } {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m) return { line: null, column: null };
  const offset = Number(m[1]);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Parses and checks a baseline: JSON from `vidcost estimate --format json` of schemaVersion 1 for
 * the scenario `expectScenario`. Anything else is refused with an InputError naming the field.
 */
export function readBaseline(text: string, file: string, expectScenario: string): Baseline {
  const fail = (field: string, message: string, path: (string | number)[] = field ? [field] : []): never => {
    throw new InputError([{ file, ...locateField(text, path), field, message }]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError([
      {
        file,
        ...jsonSyntaxPosition(text, error),
        field: '',
        message: `not JSON (${(error as Error).message}); a baseline is the output of \`vidcost estimate FILE --format json --out base.json\``,
      },
    ]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('', 'expected a JSON object written by `vidcost estimate FILE --format json`');
  const obj = data as Record<string, unknown>;
  if (obj['schemaVersion'] === undefined)
    fail('schemaVersion', 'missing: this is not a vidcost JSON report (write one with `vidcost estimate FILE --format json --out base.json`)');
  if (obj['schemaVersion'] !== BASELINE_SCHEMA_VERSION) {
    fail(
      'schemaVersion',
      `the baseline has schemaVersion ${JSON.stringify(obj['schemaVersion'])}, but this vidcost reads schemaVersion ${BASELINE_SCHEMA_VERSION}; write a new baseline with \`vidcost estimate FILE --format json --out base.json\``,
    );
  }
  if (obj['kind'] !== undefined && obj['kind'] !== 'estimate') {
    fail('kind', `the baseline is a "${String(obj['kind'])}" report; --compare-to needs the JSON of \`vidcost estimate\``);
  }
  const parsed = baselineSchema().safeParse(data);
  if (!parsed.success) {
    // the first problem, in the words every input error uses ("missing required field ...")
    const issue = explainZodIssues(data, parsed.error.issues)[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    fail(
      fieldPath(path),
      `${issue.message}; the baseline must be the JSON of \`vidcost estimate FILE --format json\``,
      issue.at === 'parent' ? path.slice(0, -1) : path,
    );
  }
  const b = parsed.data!;
  if (b.scenario !== expectScenario) {
    fail(
      'scenario',
      `the baseline is for scenario ${JSON.stringify(b.scenario)}, not ${JSON.stringify(expectScenario)}; compare a scenario only with its own baseline`,
    );
  }
  return {
    file,
    schemaVersion: b.schemaVersion,
    snapshot: {
      scenario: b.scenario,
      asOf: b.asOf,
      totals: b.totals.map((t) => ({ offering: t.offering, eligible: t.eligible, reason: t.reason ?? null, monthlyUsd: figureFromJson(t) })),
      route: {
        monthlyUsd: figureFromJson(b.recommendation),
        complete: b.recommendation.complete,
        workloads: b.recommendation.workloads.map((w) => {
          // The route's entry carries the budget figure; the workload's option row also says ~ or range.
          const option = b.workloads?.find((x) => x.name === w.workload)?.options?.find((o) => o.offering === w.offering && o.eligible);
          return { workload: w.workload, offering: w.offering, monthlyUsd: figureFromJson(option ?? w) };
        }),
      },
    },
  };
}
