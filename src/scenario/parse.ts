// Text of a scenario → a Scenario, with every error at its line and column.
import { InputError, type Problem } from '../errors.js';
import { dec, type Dec } from '../money/decimal.js';
import { parseFigure, exact } from '../money/figure.js';
import { locate, type ParsedYaml } from '../input/yaml-locate.js';
import { readYaml } from '../input/yaml-read.js';
import { hasTopLevelKeys, keysOfSchema, problemsFromZod, validateParsed } from '../input/zod-words.js';
import { DEFAULT_REGENERATION_FACTOR, type Scenario, type ThreePoint, type UncertainInputs, type VendorOverride } from './model.js';
import { canonicalResolution } from '../pricing/vocabulary.js';
import { scenarioSchema, threePointFields, type ScenarioData } from './schema.js';

export interface ParsedScenario {
  scenario: Scenario;
  /** line and column of a field, for errors found later against the price sheets */
  locate: (path: readonly (string | number)[]) => { line: number | null; column: number | null };
  file: string;
}

export function parseScenarioFile(text: string, file: string): ParsedScenario {
  const parsed = readYaml(text, file);
  let data: ScenarioData;
  try {
    data = validateParsed(parsed, scenarioSchema(), {
      knownKeys: (p) => keysOfSchema(scenarioSchema(), p),
      wrongKind: (d) =>
        hasTopLevelKeys(d, ['vendor', 'effective']) && !hasTopLevelKeys(d, ['workloads'])
          ? 'this is a price sheet (it has vendor: and effective:), not a scenario; check it with vidcost validate, or use its folder with --pricing'
          : undefined,
    });
  } catch (error) {
    throw error instanceof InputError ? new ScenarioProblems(threePointProblems(error.problems, parsed), partialScenario(parsed)) : error;
  }
  const problems: Problem[] = [];
  const scenario = build(data, parsed, problems);
  if (problems.length > 0) throw new ScenarioProblems(problems, partialScenario(parsed));
  return { scenario, locate: (path) => locate(parsed, path), file };
}

/**
 * What a scenario with problems still says about the price sheets it needs (the offering ids and
 * override vendors written as text), so that unknown ids are reported with the other problems,
 * all at once, not only after those are fixed.
 */
export interface PartialScenario {
  file: string;
  asOf: string | null;
  offerings: { index: number; id: string }[];
  overrideVendors: string[];
  locate: (path: readonly (string | number)[]) => { line: number | null; column: number | null };
}

/** A scenario's problems, and what it could still be checked against the price sheets with. */
export class ScenarioProblems extends InputError {
  constructor(
    problems: Problem[],
    readonly partial: PartialScenario,
  ) {
    super(problems);
  }
}

function partialScenario(parsed: ParsedYaml): PartialScenario {
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const asOf = typeof data['as_of'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data['as_of']) ? data['as_of'] : null;
  const offerings = Array.isArray(data['offerings']) ? data['offerings'].flatMap((id, index) => (typeof id === 'string' ? [{ index, id }] : [])) : [];
  const overrides = data['overrides'];
  const overrideVendors = overrides !== null && typeof overrides === 'object' && !Array.isArray(overrides) ? Object.keys(overrides) : [];
  return { file: parsed.file, asOf, offerings, overrideVendors, locate: (path) => locate(parsed, path) };
}

export function parseScenario(text: string, file: string): Scenario {
  return parseScenarioFile(text, file).scenario;
}

/**
 * A field that takes a number or a three-point estimate, written as a mapping with a mistake in it:
 * report the mapping's own problems (a missing `high`, a misspelt shape) rather than "a number or a mapping".
 */
function threePointProblems(problems: readonly Problem[], parsed: ParsedYaml): Problem[] {
  const out = problems.flatMap((p) => {
    const m = /^workloads\[(\d+)\]\.(clips_per_month|seconds_per_clip|regeneration_factor)$/.exec(p.field);
    if (!m) return [p];
    const path = ['workloads', Number(m[1]), m[2]!] as const;
    const workloads = (parsed.data as { workloads?: unknown } | null)?.workloads;
    const value = Array.isArray(workloads) ? (workloads[path[1]] as Record<string, unknown> | undefined)?.[path[2]] : undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [p];
    const fields = threePointFields();
    const schema = fields[path[2] as keyof typeof fields];
    const result = schema.safeParse(value);
    if (result.success) return [p];
    const issues = result.error.issues.map((i) => ({ ...i, path: [...path, ...i.path] }));
    return problemsFromZod(parsed, issues, { knownKeys: () => Object.keys(schema.shape) });
  });
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function build(data: ScenarioData, parsed: ParsedYaml, problems: Problem[]): Scenario {
  const names = new Map<string, number>();
  data.workloads.forEach((w, i) => {
    const first = names.get(w.name);
    if (first !== undefined) {
      problems.push({
        file: parsed.file,
        ...locate(parsed, ['workloads', i, 'name']),
        field: `workloads[${i}].name`,
        message: `workload name "${w.name}" is already used by workloads[${first}]`,
      });
    } else names.set(w.name, i);
  });
  const overrides: Record<string, VendorOverride> = {};
  for (const [vendor, o] of Object.entries(data.overrides ?? {})) {
    const v: VendorOverride = {};
    if (o.usd_per_credit !== undefined) {
      const f = parseFigure(o.usd_per_credit);
      if ('error' in f) {
        problems.push({
          file: parsed.file,
          ...locate(parsed, ['overrides', vendor, 'usd_per_credit']),
          field: `overrides.${vendor}.usd_per_credit`,
          message: f.error,
        });
      } else v.usdPerCredit = f;
    }
    if (o.discount_pct !== undefined) v.discountPct = exact(dec(o.discount_pct));
    if (o.gpu_seconds_per_output_second !== undefined) v.gpuSecondsPerOutputSecond = exact(dec(o.gpu_seconds_per_output_second));
    overrides[vendor] = v;
  }
  return {
    version: 1,
    name: data.name,
    asOf: data.as_of ?? null,
    channel: data.channel,
    offerings: data.offerings ?? null,
    seats: data.seats ?? null,
    budget: {
      monthlyCeilingUsd: data.budget?.monthly_ceiling_usd === undefined ? null : dec(data.budget.monthly_ceiling_usd),
      maxRegenerationsPerJob: data.budget?.max_regenerations_per_job === undefined ? null : dec(data.budget.max_regenerations_per_job),
    },
    overrides,
    workloads: data.workloads.map((w, i) => {
      const uncertain: UncertainInputs = {};
      const clips = pointOf(w.clips_per_month, ['workloads', i, 'clips_per_month'], parsed, problems, (t) => (uncertain.clipsPerMonth = t));
      const seconds = pointOf(w.seconds_per_clip, ['workloads', i, 'seconds_per_clip'], parsed, problems, (t) => (uncertain.secondsPerClip = t));
      const factor = pointOf(
        w.regeneration_factor ?? DEFAULT_REGENERATION_FACTOR,
        ['workloads', i, 'regeneration_factor'],
        parsed,
        problems,
        (t) => (uncertain.regenerationFactor = t),
      );
      return {
        name: w.name,
        clipsPerMonth: clips,
        secondsPerClip: seconds,
        resolution: canonicalResolution(w.resolution),
        regenerationFactor: factor,
        regenerationFactorGiven: w.regeneration_factor !== undefined,
        audio: w.audio,
        hdr: w.hdr,
        batch: w.batch,
        requires: w.requires,
        ...(Object.keys(uncertain).length > 0 ? { uncertain } : {}),
      };
    }),
  };
}

type NumberOrThreePoint = number | { low: number; likely: number; high: number; shape?: ThreePoint['shape'] | undefined };

/** The point value of a field (a three-point estimate's `likely`), recording the three points when given. */
function pointOf(value: NumberOrThreePoint, path: (string | number)[], parsed: ParsedYaml, problems: Problem[], keep: (t: ThreePoint) => void): Dec {
  if (typeof value === 'number') return dec(value);
  const t: ThreePoint = { low: dec(value.low), likely: dec(value.likely), high: dec(value.high), shape: value.shape ?? 'pert' };
  if (t.low.gt(t.likely) || t.likely.gt(t.high)) {
    problems.push({
      file: parsed.file,
      ...locate(parsed, path),
      field: path.map((x, j) => (typeof x === 'number' ? `[${x}]` : j === 0 ? x : `.${x}`)).join(''),
      message: `a three-point estimate needs low <= likely <= high, found low ${value.low}, likely ${value.likely}, high ${value.high}`,
    });
  }
  keep(t);
  return t.likely;
}
