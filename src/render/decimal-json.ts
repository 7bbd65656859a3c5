// JSON money: exact decimal strings, null where unknown. Ranges carry Low/High beside the budget figure.
import { moneyString, plainString } from '../money/decimal.js';
import { budgetOf, markerOf, type Figure } from '../money/figure.js';

/**
 * `{ <name>: budget, <name>Low, <name>High }`: the value is the figure to budget (a point, or the
 * high end of a range), null for a lower bound or unknown; Low/High appear for ranges and bounds.
 */
export function figureFields(name: string, f: Figure, money: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  putFigureFields(out, name, f, money);
  return out;
}

/** figureFields added to `out` in place (no object to spread, for reports with many rows). */
export function putFigureFields(out: Record<string, unknown>, name: string, f: Figure, money: boolean): void {
  const str = (d: Figure['low']) => (d === null ? null : money ? moneyString(d) : plainString(d));
  out[name] = str(budgetOf(f));
  const marker = markerOf(f);
  if (marker === 'range' || marker === 'from') {
    out[`${name}Low`] = str(f.low);
    out[`${name}High`] = str(f.high);
  }
}

export function decOrNull(f: Figure | null, money = false): string | null {
  if (f === null) return null;
  const b = budgetOf(f);
  return b === null ? null : money ? moneyString(b) : plainString(b);
}
