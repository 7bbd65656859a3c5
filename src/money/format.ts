// How figures read for people: "~$0.12", "~$0.07–$0.14", "from ~$0.32", "unknown".
import { type Dec, formatNumber, formatRate, formatUsd } from './decimal.js';
import { markerOf, type Figure } from './figure.js';

export type FigureStyle = 'money' | 'rate' | 'count';

function one(d: Dec, style: FigureStyle): string {
  if (style === 'money') return formatUsd(d);
  if (style === 'rate') return formatRate(d);
  return formatNumber(d);
}

export function formatFigure(f: Figure, style: FigureStyle, options: { tilde?: boolean } = {}): string {
  const tilde = f.approx && options.tilde !== false ? '~' : '';
  switch (markerOf(f)) {
    case 'unknown':
      return 'unknown';
    case 'from':
      return `from ${tilde}${one(f.low!, style)}`;
    case 'range':
      return `${tilde}${one(f.low!, style)}–${one(f.high!, style)}`;
    default:
      return `${tilde}${one(f.low!, style)}`;
  }
}

/** An input amount in a worked example, the way the article writes it: "$10", "$0.01", "$6.99". */
export function formatAmount(f: Figure): string {
  const v = f.low;
  if (v !== null && f.high !== null && v.eq(f.high) && v.mod(1).eq(0)) return `${f.approx ? '~' : ''}$${formatNumber(v)}`;
  return formatFigure(f, 'rate');
}
