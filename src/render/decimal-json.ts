// JSON money: exact decimal strings, null where unknown. Ranges carry Low/High beside the budget figure.
import { moneyString, plainString } from '../money/decimal.js';
import { budgetOf, markerOf, type Figure } from '../money/figure.js';

/**
 * `{ <name>: budget, <name>Low, <name>High }`: the value is the figure to budget (a point, or the
 * high end of a range), null for a lower bound or unknown; Low/High appear for ranges and bounds.
 */
export function figureFields(name: string, f: Figure, money: boolean): Record<string, string | null> {
  const str = (d: Figure['low']) => (d === null ? null : money ? moneyString(d) : plainString(d));
  const out: Record<string, string | null> = { [name]: str(budgetOf(f)) };
  const marker = markerOf(f);
  if (marker === 'range' || marker === 'from') {
    out[`${name}Low`] = str(f.low);
    out[`${name}High`] = str(f.high);
  }
  return out;
}

export function decOrNull(f: Figure | null, money = false): string | null {
  if (f === null) return null;
  const b = budgetOf(f);
  return b === null ? null : money ? moneyString(b) : plainString(b);
}
