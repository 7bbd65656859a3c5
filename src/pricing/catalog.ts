// The prices in force at a date: for each vendor, the newest sheet whose effective date is on or
// before it. Pure: sheets and date in, catalog out.
import type { Offering, Plan, PriceSheet } from './model.js';

export interface Catalog {
  asOf: string;
  sheets: PriceSheet[];
  offerings: Offering[];
  plans: Plan[];
  /** vendors whose every sheet takes effect after asOf */
  notYetInForce: string[];
}

export function sheetsInForce(sheets: readonly PriceSheet[], asOf: string): { inForce: PriceSheet[]; notYetInForce: string[] } {
  const byVendor = new Map<string, PriceSheet[]>();
  for (const s of sheets) byVendor.set(s.vendor, [...(byVendor.get(s.vendor) ?? []), s]);
  const inForce: PriceSheet[] = [];
  const notYetInForce: string[] = [];
  for (const [vendor, list] of [...byVendor].sort(([a], [b]) => a.localeCompare(b))) {
    // ISO dates compare correctly as strings.
    const candidates = list.filter((s) => s.effective <= asOf).sort((a, b) => b.effective.localeCompare(a.effective));
    if (candidates[0]) inForce.push(candidates[0]);
    else notYetInForce.push(vendor);
  }
  return { inForce, notYetInForce };
}

export function catalogAt(sheets: readonly PriceSheet[], asOf: string): Catalog {
  const { inForce, notYetInForce } = sheetsInForce(sheets, asOf);
  return {
    asOf,
    sheets: inForce,
    offerings: inForce.flatMap((s) => s.offerings),
    plans: inForce.flatMap((s) => s.plans),
    notYetInForce,
  };
}

export function findOffering(catalog: Catalog, id: string): Offering | undefined {
  return catalog.offerings.find((o) => o.id === id);
}

export function sheetOf(catalog: Catalog, vendor: string): PriceSheet | undefined {
  return catalog.sheets.find((s) => s.vendor === vendor);
}
