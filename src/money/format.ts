// How amounts and figures read for people: "$1,250.00", "$0.0143", "1,120", "~$0.12",
// "~$0.07–$0.14", "from ~$0.32", "unknown". Rounding happens here, at display, and only here.
import { Dec, decimalPlaces, ONE } from './decimal.js';
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

/** A figure as money: "$1,250.00", "~$0.07–$0.14", "from ~$0.32", "unknown". */
export function formatMoney(f: Figure): string {
  return formatFigure(f, 'money');
}

/** An input amount in a worked example, the way the article writes it: "$10", "$0.01", "$6.99". */
export function formatAmount(f: Figure): string {
  const v = f.low;
  if (v !== null && f.high !== null && v.eq(f.high) && v.mod(1).eq(0)) return `${f.approx ? '~' : ''}$${formatNumber(v)}`;
  return formatFigure(f, 'rate');
}

/** "1234567.5" → "1,234,567.5" (a reader of a large report formats thousands of these). */
function groupThousands(fixed: string): string {
  const negative = fixed.charCodeAt(0) === 0x2d; /* - */
  const start = negative ? 1 : 0;
  const point = fixed.indexOf('.');
  const end = point === -1 ? fixed.length : point;
  if (end - start <= 3) return fixed;
  let grouped = fixed.slice(start, start + ((end - start) % 3 || 3));
  for (let i = start + ((end - start) % 3 || 3); i < end; i += 3) grouped += `,${fixed.slice(i, i + 3)}`;
  return (negative ? '-' : '') + grouped + fixed.slice(end);
}

/** "$1,250.00": money for people, rounded half-up to the cent only here, at display. */
export function formatUsd(d: Dec): string {
  const fixed = d.abs().toFixed(2);
  return `${d.lt(0) ? '-' : ''}$${groupThousands(fixed)}`;
}

/** Position of the first significant digit after the point of 0 < x < 1 (0.0143 → 2). */
function firstSignificantPlace(x: Dec): number {
  let place = 1;
  // x < 10^-place ⇔ x × 10^place < 1
  while (x.times(Dec.of(10n ** BigInt(place))).lt(ONE)) place++;
  return place;
}

/**
 * A unit rate for people: at least two places and three significant digits,
 * the way the article writes "$0.084", "$0.0143" and "$0.70".
 */
export function formatRate(d: Dec): string {
  const abs = d.abs();
  let places = 2;
  if (abs.gt(0) && abs.lt(1)) {
    // first significant digit position after the point, then keep up to 3 more
    places = Math.max(2, Math.min(firstSignificantPlace(abs) + 2, 8));
  }
  let fixed = abs.toFixed(places);
  // trim zeros beyond the second place ("0.0840" -> "0.084") but keep cents ("0.70")
  if (places > 2) fixed = fixed.replace(/0+$/, '').replace(/\.(\d)$/, '.$10');
  const [, frac = ''] = fixed.split('.');
  if (frac.length < 2) fixed = abs.toFixed(2);
  return `${d.lt(0) ? '-' : ''}$${groupThousands(fixed)}`;
}

/** A count for people: "1,120", "1.8". */
export function formatNumber(d: Dec, maxPlaces = 2): string {
  const fixed = d.toFixed(Math.min(maxPlaces, decimalPlaces(d)));
  return groupThousands(fixed);
}
