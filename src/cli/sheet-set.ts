// Checks no single sheet can make: a set of sheets read together (a pricing folder, or the files
// `validate` is given). The loader and `validate` run the same checks, so a folder `validate`
// rejects is never priced.
import { nearMiss, type Problem } from '../errors.js';
import { locate } from '../input/yaml-locate.js';
import { parseYaml } from '../input/yaml-read.js';
import type { PriceSheet } from '../pricing/model.js';

export interface ReadSheet {
  /** the path shown to the user */
  shown: string;
  sheet: PriceSheet;
  /** the file's text, parsed again only to place a problem */
  text: string;
}

/** Two sheets for one vendor and date; api_through naming an offering the set's sheets of that vendor lack. */
export function sheetSetProblems(sheets: readonly ReadSheet[]): Problem[] {
  const problems: Problem[] = [];
  const at = (c: ReadSheet, path: (string | number)[]) => locate(parseYaml(c.text, c.shown), path);
  const seen = new Map<string, ReadSheet>();
  for (const c of sheets) {
    const key = `${c.sheet.vendor}@${c.sheet.effective}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: c.shown,
        ...at(c, ['effective']),
        field: 'effective',
        message: `${first.shown} is already the ${c.sheet.vendor} sheet effective ${c.sheet.effective}; a vendor has one sheet per date`,
      });
    } else seen.set(key, c);
  }
  const idsByVendor = new Map<string, Set<string>>();
  for (const c of sheets) for (const o of c.sheet.offerings) idsByVendor.set(c.sheet.vendor, (idsByVendor.get(c.sheet.vendor) ?? new Set()).add(o.id));
  for (const c of sheets) {
    c.sheet.offerings.forEach((o, i) => {
      o.apiThrough.forEach((id, j) => {
        const ids = idsByVendor.get(id.split('/')[0] ?? '');
        // Only checkable when the aggregator's sheets are in the set.
        if (!ids || ids.has(id)) return;
        const suggestion = nearMiss(id, [...ids]);
        problems.push({
          file: c.shown,
          ...at(c, ['offerings', i, 'api_through', j]),
          field: `offerings[${i}].api_through[${j}]`,
          message: `no sheet offers "${id}"`,
          ...(suggestion ? { suggestion } : {}),
        });
      });
    });
  }
  return problems;
}
