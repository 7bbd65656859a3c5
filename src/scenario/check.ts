// Checks a scenario against the price sheets in force: offering ids and override vendors must
// exist. Each problem is put at the line and column where the scenario names the id or vendor.
import { nearMiss, type Problem } from '../errors.js';
import { catalogAt, type Catalog } from '../pricing/catalog.js';
import type { PriceSheet } from '../pricing/model.js';
import type { ParsedScenario, PartialScenario } from './parse.js';

export interface PathProblem {
  path: (string | number)[];
  message: string;
  suggestion?: string;
}

/** What a scenario names that the sheets must have, and where: as much as a scenario with problems still says. */
export function refsOf(parsed: ParsedScenario): PartialScenario {
  const { scenario, file, locate } = parsed;
  const offerings = (scenario.offerings ?? []).map((id, index) => ({ index, id }));
  return { file, asOf: scenario.asOf, offerings, overrideVendors: Object.keys(scenario.overrides), locate };
}

/** Every vendor with a sheet, in force at the date or not: the vendors an override may name. */
export function vendorsOf(sheets: readonly PriceSheet[]): string[] {
  return [...new Set(sheets.map((s) => s.vendor))];
}

/** A scenario's refs against the sheets in force at asOf. */
export function checkAgainstSheets(refs: PartialScenario, sheets: readonly PriceSheet[], asOf: string): Problem[] {
  return checkRefs(refs, catalogAt(sheets, asOf), vendorsOf(sheets));
}

/** Offering ids (with their index in `offerings:`) and override vendors against the sheets in force. */
export function checkRefs(refs: PartialScenario, catalog: Catalog, knownVendors: readonly string[]): Problem[] {
  const { offerings, overrideVendors } = refs;
  const problems: PathProblem[] = [];
  const ids = catalog.offerings.map((o) => o.id);
  const seen = new Set<string>();
  for (const { index: i, id } of offerings) {
    if (seen.has(id)) problems.push({ path: ['offerings', i], message: `offering "${id}" is listed twice` });
    seen.add(id);
    if (ids.includes(id)) continue;
    if (catalog.sheets.length === 0) {
      // every id would be unknown: the date is the mistake, not the ids
      const later = catalog.notYetInForce.length > 0 ? '; every sheet takes effect later' : '';
      problems.push({ path: ['offerings', i], message: `unknown offering "${id}": no price sheet is in force on ${catalog.asOf}${later}` });
    } else {
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
  return toProblems(refs.file, problems, refs.locate);
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
