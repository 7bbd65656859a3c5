// JSON money: exact decimal strings, null where unknown. Ranges carry Low/High beside the budget figure.
import { moneyString, plainString } from '../money/decimal.js';
import { budgetOf, markerOf, type Figure } from '../money/figure.js';

/**
 * `{ <name>: budget, <name>Low, <name>High }`: the value is the figure to budget (a point, or the
 * high end of a range), null for a lower bound or unknown; Low/High appear for ranges and bounds.
 */
export function figureFields(name: string, f: Figure, money: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = { [name]: decOrNull(f, money) };
  const low = figureEnd(f, 'low', money);
  if (low !== undefined) {
    out[`${name}Low`] = low;
    out[`${name}High`] = figureEnd(f, 'high', money) ?? null;
  }
  return out;
}

/**
 * One end of a range or a lower bound, for `<name>Low` and `<name>High` (null: a bound has no high
 * end); undefined for any other figure, which JSON.stringify leaves out.
 */
export function figureEnd(f: Figure | null, end: 'low' | 'high', money = false): string | null | undefined {
  if (f === null) return undefined;
  const marker = markerOf(f);
  if (marker !== 'range' && marker !== 'from') return undefined;
  const d = f[end];
  return d === null ? null : money ? moneyString(d) : plainString(d);
}

export function decOrNull(f: Figure | null, money = false): string | null {
  if (f === null) return null;
  const b = budgetOf(f);
  return b === null ? null : money ? moneyString(b) : plainString(b);
}
