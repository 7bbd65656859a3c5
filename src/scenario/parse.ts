// Text of a scenario → a Scenario, with every error at its line and column.
import { InputError, type Problem } from '../errors.js';
import { dec } from '../money/decimal.js';
import { parseFigure, exact } from '../money/figure.js';
import { keysOfSchema, locate, parseYaml, problemsFromZod, type ParsedYaml } from '../input/yaml-document.js';
import type { VendorOverride } from '../engine/price.js';
import { DEFAULT_REGENERATION_FACTOR, type Scenario } from './model.js';
import { scenarioSchema, type ScenarioData } from './schema.js';

export interface ParsedScenario {
  scenario: Scenario;
  /** line and column of a field, for errors found later against the price sheets */
  locate: (path: readonly (string | number)[]) => { line: number | null; column: number | null };
  file: string;
}

export function parseScenarioFile(text: string, file: string): ParsedScenario {
  const parsed = parseYaml(text, file);
  const result = scenarioSchema.safeParse(parsed.data);
  if (!result.success) {
    throw new InputError(problemsFromZod(parsed, result.error, { knownKeys: (p) => keysOfSchema(scenarioSchema, p) }));
  }
  const problems: Problem[] = [];
  const scenario = build(result.data, parsed, problems);
  if (problems.length > 0) throw new InputError(problems);
  return { scenario, locate: (path) => locate(parsed, path), file };
}

export function parseScenario(text: string, file: string): Scenario {
  return parseScenarioFile(text, file).scenario;
}

function build(data: ScenarioData, parsed: ParsedYaml, problems: Problem[]): Scenario {
  const names = new Map<string, number>();
  data.workloads.forEach((w, i) => {
    const first = names.get(w.name);
    if (first !== undefined) {
      problems.push({ file: parsed.file, ...locate(parsed, ['workloads', i, 'name']), field: `workloads[${i}].name`, message: `workload name "${w.name}" is already used by workloads[${first}]` });
    } else names.set(w.name, i);
  });
  const overrides: Record<string, VendorOverride> = {};
  for (const [vendor, o] of Object.entries(data.overrides ?? {})) {
    const v: VendorOverride = {};
    if (o.usd_per_credit !== undefined) {
      const f = parseFigure(o.usd_per_credit);
      if ('error' in f) {
        problems.push({ file: parsed.file, ...locate(parsed, ['overrides', vendor, 'usd_per_credit']), field: `overrides.${vendor}.usd_per_credit`, message: f.error });
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
    budget: {
      monthlyCeilingUsd: data.budget?.monthly_ceiling_usd === undefined ? null : dec(data.budget.monthly_ceiling_usd),
      maxRegenerationsPerJob: data.budget?.max_regenerations_per_job === undefined ? null : dec(data.budget.max_regenerations_per_job),
    },
    overrides,
    workloads: data.workloads.map((w) => ({
      name: w.name,
      clipsPerMonth: dec(w.clips_per_month),
      secondsPerClip: dec(w.seconds_per_clip),
      resolution: w.resolution,
      regenerationFactor: dec(w.regeneration_factor ?? DEFAULT_REGENERATION_FACTOR),
      regenerationFactorGiven: w.regeneration_factor !== undefined,
      audio: w.audio,
      hdr: w.hdr,
      batch: w.batch,
      requires: w.requires,
    })),
  };
}
