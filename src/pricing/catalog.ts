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

// ICU's collation orders these characters _ - . / 0-9 a-z; code points would put _ after the digits.
const ID_RANK = new Uint8Array(128);
[...'_-./0123456789abcdefghijklmnopqrstuvwxyz'].forEach((c, i) => (ID_RANK[c.charCodeAt(0)] = i + 1));

function idRank(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? ID_RANK[c]! : 0;
}

/**
 * `a.localeCompare(b)` for vendor names, offering ids and ISO dates, without starting ICU's collator
 * (a cost every run would pay; docs/speed.md): over the characters ids are made of (_ - . / digits
 * lower-case letters) the default collation is a plain character-by-character order. Any other
 * text is handed to localeCompare.
 */
export function compareIds(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let order = 0;
  for (let i = 0; i < n; i++) {
    const x = idRank(a, i);
    const y = idRank(b, i);
    if (x === 0 || y === 0) return a.localeCompare(b);
    if (order === 0 && x !== y) order = x < y ? -1 : 1;
  }
  for (let i = n; i < a.length; i++) if (idRank(a, i) === 0) return a.localeCompare(b);
  for (let i = n; i < b.length; i++) if (idRank(b, i) === 0) return a.localeCompare(b);
  return order !== 0 ? order : a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function sheetsInForce(sheets: readonly PriceSheet[], asOf: string): { inForce: PriceSheet[]; notYetInForce: string[] } {
  const byVendor = new Map<string, PriceSheet[]>();
  for (const s of sheets) byVendor.set(s.vendor, [...(byVendor.get(s.vendor) ?? []), s]);
  const inForce: PriceSheet[] = [];
  const notYetInForce: string[] = [];
  for (const [vendor, list] of [...byVendor].sort(([a], [b]) => compareIds(a, b))) {
    // ISO dates compare correctly as strings.
    const candidates = list.filter((s) => s.effective <= asOf).sort((a, b) => compareIds(b.effective, a.effective));
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
