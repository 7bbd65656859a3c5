// `vidcost prices sources`: every source URL of the sheets in force, with when it was read, the date
// it carries (or none) and how old each is at as_of, oldest reading first: the checklist of a person
// re-verifying prices. Pure: catalog in, report out; ages count from as_of, never from the clock.
import type { Catalog } from '../pricing/catalog.js';
import type { PriceSheet } from '../pricing/model.js';
import { compareIds } from '../pricing/catalog.js';
import { daysBetween } from './advisories.js';

export interface SourceRow {
  vendor: string;
  /** the sheet file that names the source */
  sheet: string;
  /** its name under the sheet's sources; null for a URL written beside a figure */
  name: string | null;
  url: string;
  read: string;
  /** the date the source itself carries; null: undated */
  dated: string | null;
  readDaysAgo: number;
  datedDaysAgo: number | null;
  note: string | null;
}

export interface SourcesReport {
  kind: 'sources';
  asOf: string;
  sources: SourceRow[];
}

/** URLs a sheet's figures name directly instead of through its sources, with the date each figure was verified. */
function inlineUrls(sheet: PriceSheet): Map<string, string> {
  const named = new Set(sheet.sourceInfo.map((s) => s.url));
  const out = new Map<string, string>();
  const add = (url: string | null, verified: string) => {
    if (url === null || named.has(url) || !/^https?:\/\//.test(url)) return;
    const before = out.get(url);
    if (before === undefined || verified < before) out.set(url, verified);
  };
  for (const o of sheet.offerings) {
    add(o.sunsetSource, sheet.verified);
    add(o.batch?.source ?? null, sheet.verified);
    for (const r of o.rates) {
      add(r.source, r.verified);
      for (const c of r.conflict ?? []) add(c.source, r.verified);
    }
  }
  for (const p of sheet.plans) add(p.source, p.verified);
  if (sheet.apiUsdPerCredit) add(sheet.apiUsdPerCredit.source, sheet.verified);
  return out;
}

export function sourcesReport(catalog: Catalog): SourcesReport {
  const asOf = catalog.asOf;
  const rows: SourceRow[] = [];
  for (const sheet of catalog.sheets) {
    const base = { vendor: sheet.vendor, sheet: sheet.file };
    for (const s of sheet.sourceInfo) {
      rows.push({
        ...base,
        name: s.name,
        url: s.url,
        read: s.read,
        dated: s.dated,
        readDaysAgo: daysBetween(s.read, asOf),
        datedDaysAgo: s.dated === null ? null : daysBetween(s.dated, asOf),
        note: s.note,
      });
    }
    for (const [url, read] of inlineUrls(sheet)) {
      rows.push({ ...base, name: null, url, read, dated: null, readDaysAgo: daysBetween(read, asOf), datedDaysAgo: null, note: null });
    }
  }
  // oldest reading first; among equals an undated source (its age unknown) before a dated one, then the oldest date
  rows.sort(
    (a, b) =>
      compareIds(a.read, b.read) ||
      (a.dated === b.dated ? 0 : a.dated === null ? -1 : b.dated === null ? 1 : compareIds(a.dated, b.dated)) ||
      compareIds(a.vendor, b.vendor) ||
      a.url.localeCompare(b.url),
  );
  return { kind: 'sources', asOf, sources: rows };
}
