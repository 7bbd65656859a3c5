// Checks a scenario against the price sheets in force: offering ids and override vendors must
// exist. Problems carry the field path; the shell maps them to line and column.
import { nearMiss, type Problem } from '../errors.js';
import type { Catalog } from '../pricing/catalog.js';
import type { Scenario } from './model.js';

export interface PathProblem {
  path: (string | number)[];
  message: string;
  suggestion?: string;
}

export function checkAgainstCatalog(scenario: Scenario, catalog: Catalog, knownVendors: readonly string[]): PathProblem[] {
  return checkRefs(
    (scenario.offerings ?? []).map((id, index) => ({ index, id })),
    Object.keys(scenario.overrides),
    catalog,
    knownVendors,
  );
}

/** Offering ids (with their index in `offerings:`) and override vendors against the sheets in force. */
export function checkRefs(
  offerings: readonly { index: number; id: string }[],
  overrideVendors: readonly string[],
  catalog: Catalog,
  knownVendors: readonly string[],
): PathProblem[] {
  const problems: PathProblem[] = [];
  const ids = catalog.offerings.map((o) => o.id);
  const seen = new Set<string>();
  for (const { index: i, id } of offerings) {
    if (seen.has(id)) problems.push({ path: ['offerings', i], message: `offering "${id}" is listed twice` });
    seen.add(id);
    if (!ids.includes(id)) {
      const suggestion = nearMiss(id, ids);
      problems.push({
        path: ['offerings', i],
        message: `unknown offering "${id}" in the prices in force on ${catalog.asOf}`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  for (const vendor of overrideVendors) {
    if (!knownVendors.includes(vendor)) {
      const suggestion = nearMiss(vendor, knownVendors);
      problems.push({
        path: ['overrides', vendor],
        message: `unknown vendor "${vendor}" (known: ${knownVendors.join(', ')})`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  return problems;
}

export function toProblems(
  file: string,
  found: readonly PathProblem[],
  locate: (path: readonly (string | number)[]) => { line: number | null; column: number | null },
): Problem[] {
  return found.map((p) => ({
    file,
    ...locate(p.path),
    field: p.path.map((x, i) => (typeof x === 'number' ? `[${x}]` : i === 0 ? x : `.${x}`)).join(''),
    message: p.message,
    ...(p.suggestion ? { suggestion: p.suggestion } : {}),
  }));
}
