// Honest figures (src/money/figure.ts): exact, ~approximate, "from" lower bounds, ranges and
// unknown. Unknown stays unknown through every operation; it never becomes 0.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../src/money/decimal.js';
import {
  approx,
  atLeast,
  budgetOf,
  compareBudget,
  exact,
  figureToSyntax,
  isFigure,
  isKnown,
  mapEnds,
  markerOf,
  parseFigure,
  plus,
  pointOf,
  range,
  sum,
  times,
  UNKNOWN,
  withApprox,
  type Figure,
} from '../src/money/figure.js';
import { formatAmount, formatFigure } from '../src/money/format.js';

const text = (f: Figure) => `${f.low === null ? '?' : f.low.toString()}..${f.high === null ? '?' : f.high.toString()}${f.approx ? ' ~' : ''}`;

function parsed(input: string | number): Figure {
  const f = parseFigure(input);
  if ('error' in f) throw new Error(f.error);
  return f;
}

describe('markers', () => {
  it('names each kind of figure', () => {
    expect(markerOf(exact('0.01'))).toBe('exact');
    expect(markerOf(approx(12))).toBe('approx');
    expect(markerOf(range('0.07', '0.14'))).toBe('range');
    expect(markerOf(atLeast('0.32', true))).toBe('from');
    expect(markerOf(UNKNOWN)).toBe('unknown');
    expect(isKnown(UNKNOWN)).toBe(false);
  });

  it('a point is exact or approximate, never a range or bound', () => {
    expect(pointOf(approx('0.70'))?.toString()).toBe('0.7');
    expect(pointOf(range('0.07', '0.14'))).toBeNull();
    expect(pointOf(atLeast('0.32'))).toBeNull();
    expect(pointOf(UNKNOWN)).toBeNull();
  });
});

describe('arithmetic keeps the honesty marker', () => {
  it('credits × dollars per credit (Runway Gen-4: ~12 × $0.01 = ~$0.12)', () => {
    expect(text(times(approx(12), exact('0.01')))).toBe('0.12..0.12 ~');
    expect(text(times(exact(15), exact('0.01')))).toBe('0.15..0.15');
  });

  it('a range times a volume stays a range (Kling ~$0.07–$0.14/s × 1,000 s = ~$70–$140)', () => {
    expect(text(times(range('0.07', '0.14'), dec(1000)))).toBe('70..140 ~');
  });

  it('a lower bound stays a lower bound (Luma API from ~$0.32 × 10 generations = from ~$3.20)', () => {
    const f = times(atLeast('0.32', true), exact(10));
    expect(markerOf(f)).toBe('from');
    expect(f.low!.toString()).toBe('3.2');
    expect(f.high).toBeNull();
  });

  it('unknown times or plus anything is unknown, even times zero', () => {
    expect(times(UNKNOWN, exact(5))).toEqual(UNKNOWN);
    expect(times(exact(0), UNKNOWN)).toEqual(UNKNOWN);
    expect(times(exact(330), UNKNOWN)).toEqual(UNKNOWN); // Luma: 330 credits × unknown $/credit
    expect(plus(exact(1), UNKNOWN)).toEqual(UNKNOWN);
    expect(sum([exact(1), approx(2), UNKNOWN])).toEqual(UNKNOWN);
    expect(budgetOf(sum([exact(1), UNKNOWN]))).toBeNull();
  });

  it('sums mix markers: exact + approximate is approximate, + a bound is a bound', () => {
    expect(text(sum([exact('1.20'), approx('0.50')]))).toBe('1.7..1.7 ~');
    expect(text(plus(range(1, 2), atLeast(3)))).toBe('4..? ~');
    expect(text(sum([]))).toBe('0..0');
  });

  it('sums a point, then a range, then points: the high end follows from the first range on', () => {
    // 1.10 + ~0.07–0.14 + 2 + ~0.5 = ~3.67–3.74
    const total = sum([exact('1.10'), range('0.07', '0.14'), exact(2), approx('0.5')]);
    expect(text(total)).toBe('3.67..3.74 ~');
    // points only: one value, so high is the very same object as low (a point, not a range)
    const points = sum([exact('0.25'), exact('0.5'), exact(3)]);
    expect(points.high).toBe(points.low);
    expect(markerOf(points)).toBe('exact');
    expect(text(points)).toBe('3.75..3.75');
    // a lower bound anywhere leaves no upper bound: 1 + from 2 + 3 = from 6
    expect(text(sum([exact(1), atLeast(2), exact(3)]))).toBe('6..?');
  });

  it('times an exact count without wrapping it: ~0.07–0.14 × 300 = ~21–42, a point stays a point', () => {
    expect(text(times(range('0.07', '0.14'), dec(300)))).toBe('21..42 ~');
    const clip = times(approx('0.05'), dec(40));
    expect(text(clip)).toBe('2..2 ~');
    expect(clip.high).toBe(clip.low);
    expect(text(times(atLeast('0.32'), dec(10)))).toBe('3.2..?');
    expect(times(UNKNOWN, dec(0))).toEqual(UNKNOWN);
  });

  it('maps both ends and can mark a figure approximate', () => {
    expect(text(mapEnds(range(330, 1120), (d) => d.div(5)))).toBe('66..224 ~');
    expect(mapEnds(UNKNOWN, (d) => d.times(2))).toEqual(UNKNOWN);
    expect(text(withApprox(exact(45), true))).toBe('45..45 ~');
    expect(withApprox(UNKNOWN, true)).toEqual(UNKNOWN);
  });

  it('is exact on arbitrary cent prices and volumes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (cents, seconds) => {
        const cost = times(exact(dec(cents).div(100)), dec(seconds));
        // cents × seconds is an exact integer in BigInt; the figure must equal it / 100 exactly.
        const product = BigInt(cents) * BigInt(seconds);
        expect(cost.low!.times(100).toFixed(0)).toBe(product.toString());
      }),
    );
  });
});

describe('an exact figure is its own value', () => {
  it('exact() is the Dec itself, whose low and high are itself and which is not approximate', () => {
    const d = dec('0.084');
    const f = exact(d);
    expect(f).toBe(d);
    expect(f.low).toBe(d);
    expect(f.high).toBe(d);
    expect(f.approx).toBe(false);
    expect(markerOf(f)).toBe('exact');
    expect(isFigure(d)).toBe(true);
    expect(isFigure({ low: null, high: null, approx: false })).toBe(true);
    expect(isFigure('0.084')).toBe(false);
  });

  it('exact × exact, exact + exact and sums of exact figures are Decs with the exact value', () => {
    // Runway Gen-4 Turbo: 10 s × 3 generations × $0.05/s = $1.50; 400 clips → $600
    const perClip = times(times(exact(10), exact(3)), exact('0.05'));
    expect(perClip).toBeInstanceOf(dec(0).constructor);
    expect(perClip.low!.toString()).toBe('1.5');
    const monthly = times(perClip, dec(400));
    expect(monthly).toBeInstanceOf(dec(0).constructor);
    expect(monthly.low!.toString()).toBe('600');
    expect(plus(exact('0.1'), exact('0.2'))).toBeInstanceOf(dec(0).constructor);
    expect(sum([exact('0.1'), exact('0.2'), exact('0.3')]).low!.toString()).toBe('0.6');
    expect(mapEnds(exact(15), (x) => x.div(5)).low!.toString()).toBe('3');
  });

  it('an approximate factor makes the product an approximate point, not a Dec', () => {
    const f = times(exact(10), approx(12));
    expect(f).not.toBeInstanceOf(dec(0).constructor);
    expect(markerOf(f)).toBe('approx');
    expect(f.low!.toString()).toBe('120');
    expect(withApprox(exact(3), true)).toEqual({ low: dec(3), high: dec(3), approx: true });
    const three = exact(3);
    expect(withApprox(three, false)).toBe(three);
  });
});

describe('budgeting and ordering', () => {
  it('budgets the high end of a range, nothing for a bound or unknown', () => {
    expect(budgetOf(range('0.07', '0.14'))!.toString()).toBe('0.14');
    expect(budgetOf(approx('0.7'))!.toString()).toBe('0.7');
    expect(budgetOf(atLeast('0.32'))).toBeNull();
    expect(budgetOf(UNKNOWN)).toBeNull();
  });

  it('orders cheaper first, unknown last', () => {
    const list = [UNKNOWN, approx('0.12'), range('0.07', '0.14'), approx('0.05')];
    expect(list.sort(compareBudget).map(text)).toEqual(['0.05..0.05 ~', '0.12..0.12 ~', '0.07..0.14 ~', '?..?']);
  });
});

describe('the sheet syntax', () => {
  it('reads each honesty marker', () => {
    expect(text(parsed('0.01'))).toBe('0.01..0.01');
    expect(text(parsed(0.01))).toBe('0.01..0.01');
    expect(text(parsed('~12'))).toBe('12..12 ~');
    expect(text(parsed('from ~0.32'))).toBe('0.32..? ~');
    expect(text(parsed('~0.07-0.14'))).toBe('0.07..0.14 ~');
    expect(text(parsed('~0.07–0.14'))).toBe('0.07..0.14 ~'); // an en dash, as the article prints it
    expect(text(parsed('~$45'))).toBe('45..45 ~');
    expect(text(parsed('1,120'))).toBe('1120..1120');
    expect(parsed('unknown')).toEqual(UNKNOWN);
  });

  it('refuses what it cannot read, saying what it expected', () => {
    expect(parseFigure('about 0.2')).toEqual({ error: 'expected a figure like 0.01, ~12, from ~0.32, ~0.07-0.14 or unknown, found "about 0.2"' });
    expect(parseFigure('0.14-0.07')).toEqual({ error: 'a range must go from low to high, found "0.14-0.07"' });
    expect(parseFigure('from 1-2')).toHaveProperty('error');
    expect(parseFigure(-1)).toEqual({ error: 'expected a non-negative price, found -1' });
    expect(parseFigure('0')).toEqual(exact(0)); // a free plan is exactly $0, written as 0
  });

  it('writes figures back in the same syntax', () => {
    for (const input of ['0.01', '~12', 'from ~0.32', 'from 5', '~0.07-0.14', 'unknown']) {
      expect(figureToSyntax(parsed(input))).toBe(input);
    }
  });
});

describe('figures for people', () => {
  it('prints each marker', () => {
    expect(formatFigure(range('0.07', '0.14'), 'rate')).toBe('~$0.07–$0.14');
    expect(formatFigure(approx('0.084'), 'rate')).toBe('~$0.084');
    expect(formatFigure(atLeast('0.32', true), 'money')).toBe('from ~$0.32');
    expect(formatFigure(UNKNOWN, 'money')).toBe('unknown');
    expect(formatFigure(exact(1120), 'count')).toBe('1,120');
    expect(formatFigure(approx(12), 'count', { tilde: false })).toBe('12');
  });

  it('prints amounts in worked examples as the article does', () => {
    expect(formatAmount(approx(10))).toBe('~$10');
    expect(formatAmount(exact('6.99'))).toBe('$6.99');
    expect(formatAmount(exact('0.01'))).toBe('$0.01');
  });
});
