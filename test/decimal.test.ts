// Exact money (src/money/decimal.ts): no binary floating point anywhere, division exact (a quotient
// that never ends stays a fraction), rounding only where a value is written.
// big.js is an independent decimal library the results are checked against.
import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, dec, isDecimalLiteral, moneyString, plainString } from '../src/money/decimal.js';
import { ceilDiv, compareRatioKeys, divide, floorDiv, maxDec, minDec, ratioKey, sumDec } from '../src/money/decimal-ops.js';
import { formatNumber, formatRate, formatUsd } from '../src/money/format.js';

describe('dec', () => {
  it('adds the classic floating-point trap exactly: 0.1 + 0.2 = 0.3', () => {
    // In binary floating point 0.1 + 0.2 = 0.30000000000000004.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(dec('0.1').plus(dec('0.2')).eq(dec('0.3'))).toBe(true);
    expect(moneyString(dec('0.1').plus(dec('0.2')))).toBe('0.30');
  });

  it('reads numbers through their shortest round-trip string, not their binary value', () => {
    // 0.07 as a double is 0.070000000000000006661...; dec keeps 0.07.
    expect(plainString(dec(0.07))).toBe('0.07');
    expect(plainString(dec(1e-7))).toBe('0.0000001');
    expect(plainString(dec('1_000.50'))).toBe('1000.5');
  });

  it('refuses what is not a decimal number', () => {
    expect(() => dec('abc')).toThrow(RangeError);
    expect(() => dec('1e5')).toThrow(RangeError);
    expect(() => dec(Number.NaN)).toThrow(RangeError);
    expect(() => dec(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(isDecimalLiteral('12.5')).toBe(true);
    expect(isDecimalLiteral('1,250')).toBe(false);
  });
});

describe('division', () => {
  it('writes $10 ÷ 700 credits at 20 places, half-up', () => {
    // 10/700 = 1/70 = 0.0142857 142857 142857 1428... : 20 places are 01428571428571428571,
    // the 21st digit is 4, so it rounds down.
    expect(divide(dec(10), dec(700)).toString()).toBe('0.01428571428571428571');
    // 2/3 = 0.666...: the 21st digit is 6, so the 20th rounds up.
    expect(divide(dec(2), dec(3)).toString()).toBe('0.66666666666666666667');
  });

  it('keeps a quotient that never ends exact until it is written: 12 × ($6.99 ÷ 660)', () => {
    const credit = divide(dec('6.99'), dec(660));
    // 6.99/660 = 699/66000 = 233/22000 (699 = 3 × 233, 66000 = 3 × 22000)
    expect(credit.toExactString()).toBe('233/22000');
    expect(credit.terminates()).toBe(false);
    // 12 × 233/22000 = 2796/22000 = 699/5500 = 0.12709090909090909090|90…: the 21st digit is 9,
    // so the 20th rounds up to …091 (× the value cut at 20 places would give …092)
    const perSecond = credit.times(12);
    expect(perSecond.toExactString()).toBe('699/5500');
    expect(moneyString(perSecond)).toBe('0.12709090909090909091');
    expect(plainString(perSecond)).toBe('0.12709090909090909091');
    // and back: × 660 ÷ 12 is the plan price again, exactly
    expect(perSecond.times(660).div(12).toString()).toBe('6.99');
  });

  it('a quotient that ends is a plain decimal again, whichever way it was reached', () => {
    expect(divide(dec(1), dec(8)).toString()).toBe('0.125');
    expect(divide(dec(1), dec(8)).terminates()).toBe(true);
    expect(divide(dec(10), dec(3)).times(3).toString()).toBe('10');
    expect(divide(dec(10), dec(3)).times(3).terminates()).toBe(true);
    // 1/3 + 1/6 = 1/2
    expect(
      divide(dec(1), dec(3))
        .plus(divide(dec(1), dec(6)))
        .toString(),
    ).toBe('0.5');
    expect(() => dec(1).div(0)).toThrow(RangeError);
  });

  it('orders fractions exactly, even where 20 places agree', () => {
    // 1/3 and 0.33333333333333333333 (20 threes) differ by 1/(3 × 10^20)
    const third = divide(dec(1), dec(3));
    const cut = dec('0.33333333333333333333');
    expect(third.gt(cut)).toBe(true);
    expect(third.eq(cut)).toBe(false);
    expect(third.toString()).toBe(cut.toString());
  });

  it('rounds half away from zero where it writes, as big.js did', () => {
    expect(dec('2.345').toFixed(2)).toBe('2.35');
    expect(dec('-2.345').toFixed(2)).toBe('-2.35');
    expect(dec('0.125').round(2).toString()).toBe('0.13');
    expect(dec('0.125').round(2, 2).toString()).toBe('0.12'); // half to even
    expect(dec('0.129').round(2, 0).toString()).toBe('0.12'); // toward zero
    expect(dec('-0.001').toFixed(2)).toBe('-0.00');
  });

  it('writes a decimal with its trailing zeros dropped, and zero and signs as they are', () => {
    expect(Dec.scaled(0n, 3).toString()).toBe('0');
    expect(Dec.scaled(-5n, 3).toString()).toBe('-0.005');
    expect(Dec.scaled(1200n, 2).toString()).toBe('12');
    expect(Dec.scaled(-1200n, 2).toString()).toBe('-12');
    expect(Dec.scaled(120n, 2).toString()).toBe('1.2');
    expect(Dec.scaled(123n, 0).toString()).toBe('123');
    expect(Dec.scaled(-123n, 0).toString()).toBe('-123');
    expect(Dec.scaled(1n, 20).toString()).toBe('0.00000000000000000001');
  });

  it('adds, subtracts, multiplies and compares decimals as big.js does (property)', () => {
    // big.js, writing plain decimals (no exponent) across the range the property draws
    const B = Big();
    B.NE = -40;
    B.PE = 60;
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 12 })).map(([m, k]) => Dec.scaled(m, k).toString());
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(dec(a).plus(b).toString()).toBe(new B(a).plus(b).toString());
        expect(dec(a).minus(b).toString()).toBe(new B(a).minus(b).toString());
        expect(dec(a).times(b).toString()).toBe(new B(a).times(b).toString());
        expect(dec(a).cmp(b)).toBe(new B(a).cmp(b));
        for (const dp of [0, 2, 5]) expect(dec(a).toFixed(dp)).toBe(new B(a).toFixed(dp, B.roundHalfUp));
      }),
      { numRuns: 300 },
    );
  });

  it("reads another decimal library's values, exponent form included", () => {
    // big.js writes 0.0000001 as "1e-7" and 10^21 as "1e+21" by default
    expect(dec(new Big('0.0000001') as unknown as string).toString()).toBe('0.0000001');
    expect(dec(new Big('1000000000000000000000') as unknown as string).toString()).toBe('1000000000000000000000');
    expect(dec(new Big('-12.5') as unknown as string).toString()).toBe('-12.5');
  });

  it('floors and ceils exactly', () => {
    // Kling: 660 plan credits ÷ 360 credits per polished clip = 1.83 → one whole clip.
    expect(floorDiv(dec(660), dec(360)).toString()).toBe('1');
    // An 8-second clip on a 5-second unit bills ⌈8 ÷ 5⌉ = 2 units; exactly 10 s bills 2.
    expect(ceilDiv(dec(8), dec(5)).toString()).toBe('2');
    expect(ceilDiv(dec(10), dec(5)).toString()).toBe('2');
    expect(ceilDiv(dec('10.5'), dec(5)).toString()).toBe('3');
  });

  it('min, max and sum', () => {
    expect(minDec(dec('0.084'), dec('0.112')).toString()).toBe('0.084');
    expect(maxDec(dec('0.084'), dec('0.112')).toString()).toBe('0.112');
    expect(sumDec([dec('0.07'), dec('0.14'), dec('0.09')]).toString()).toBe('0.3');
    expect(sumDec([]).toString()).toBe('0');
    // scales grow as terms come: 1.5 + 0.25 + 0.125 + 3 = 4.875, and fractions join at the end:
    // 0.1 + 1/3 + 2/3 = 1.1 exactly
    expect(sumDec([dec('1.5'), dec('0.25'), dec('0.125'), dec(3)]).toString()).toBe('4.875');
    expect(sumDec([dec('0.1'), divide(dec(1), dec(3)), divide(dec(2), dec(3))]).toString()).toBe('1.1');
    expect(sumDec([divide(dec(1), dec(3)), dec('0.5')]).eq(divide(dec(5), dec(6)))).toBe(true);
  });

  it('sums any list of cent amounts to the exact cent (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { maxLength: 200 }), (cents) => {
        const total = sumDec(cents.map((c) => divide(dec(c), dec(100))));
        const exactCents = cents.reduce((a, c) => a + BigInt(c), 0n);
        const expected = `${exactCents / 100n}.${String(exactCents % 100n).padStart(2, '0')}`;
        expect(moneyString(total)).toBe(expected);
      }),
    );
  });
});

describe('comparing quotients without forming them', () => {
  const compareQuotients = (a: Dec, b: Dec, c: Dec, d: Dec) => compareRatioKeys(ratioKey(a, b), ratioKey(c, d));

  it('orders a ÷ b against c ÷ d exactly, quotients that never end included', () => {
    // Kling Standard $6.99 ÷ 660 credits = 0.010590… < Pika Standard $10 ÷ 700 = 0.014285…
    expect(compareQuotients(dec('6.99'), dec(660), dec(10), dec(700))).toBe(-1);
    expect(compareQuotients(dec(10), dec(700), dec('6.99'), dec(660))).toBe(1);
    // 1 ÷ 3 = 2 ÷ 6, though neither ends
    expect(compareQuotients(dec(1), dec(3), dec(2), dec(6))).toBe(0);
    // (1 ÷ 3) ÷ 1 against 0.33333333333333333333 ÷ 1: the fraction is larger by 1/(3 × 10^20)
    expect(compareQuotients(divide(dec(1), dec(3)), dec(1), dec('0.33333333333333333333'), dec(1))).toBe(1);
    // 26,000 credits ÷ (360 × 20) against 660 ÷ (360 × 20 ÷ 40): 3.61… against 3.66…
    expect(compareQuotients(dec(26000), dec(7200), dec(660), dec(180))).toBe(-1);
  });

  it('agrees with comparing the exact quotients (property)', () => {
    const amount = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 })).map(([m, k]) => Dec.scaled(BigInt(m), k));
    const positive = fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 6 })).map(([m, k]) => Dec.scaled(BigInt(m), k));
    fc.assert(
      fc.property(amount, positive, amount, positive, (a, b, c, d) => {
        expect(compareQuotients(a, b, c, d)).toBe(divide(a, b).cmp(divide(c, d)));
      }),
    );
  });
});

describe('strings for JSON', () => {
  it('money keeps at least two places and never rounds', () => {
    expect(moneyString(dec('1250'))).toBe('1250.00');
    expect(moneyString(dec('0.084'))).toBe('0.084');
    expect(moneyString(dec('1.142857'))).toBe('1.142857');
    expect(moneyString(dec('0.0000001'))).toBe('0.0000001'); // never exponent notation
  });

  it('plain strings drop padding zeros', () => {
    expect(plainString(dec('12.50'))).toBe('12.5');
    expect(plainString(dec('12'))).toBe('12');
    expect(plainString(dec('0.084'))).toBe('0.084');
  });
});

describe('strings for people', () => {
  it('formats dollars to the cent, half-up, with thousands separators', () => {
    expect(formatUsd(dec('1250'))).toBe('$1,250.00');
    expect(formatUsd(dec('7'))).toBe('$7.00');
    expect(formatUsd(dec('1.145'))).toBe('$1.15'); // half-up, not banker's rounding
    expect(formatUsd(dec('1234567.891'))).toBe('$1,234,567.89');
    expect(formatUsd(dec('-3.5'))).toBe('-$3.50');
    // 80 credits × $0.01428571428571428571 = $1.1428571428571428568 → the article's "$1.14"
    expect(formatUsd(dec(80).times(divide(dec(10), dec(700))))).toBe('$1.14');
  });

  it('formats unit rates the way the article writes them', () => {
    expect(formatRate(dec('0.084'))).toBe('$0.084'); // fal Kling standard
    expect(formatRate(divide(dec(10), dec(700)))).toBe('$0.0143'); // Pika credit
    expect(formatRate(dec('0.7'))).toBe('$0.70'); // Sora 2 Pro
    expect(formatRate(dec('0.12'))).toBe('$0.12'); // Runway Gen-4
    expect(formatRate(dec('0.045'))).toBe('$0.045'); // $45 ÷ 100 clips ÷ 10 s
    expect(formatRate(dec('0.01'))).toBe('$0.01'); // a Runway credit
    expect(formatRate(dec('1.89'))).toBe('$1.89');
    expect(formatRate(dec('0.11428571428571428568'))).toBe('$0.114');
  });

  it('formats counts with separators', () => {
    expect(formatNumber(dec('1120'))).toBe('1,120');
    expect(formatNumber(dec('26000'))).toBe('26,000');
    expect(formatNumber(dec('1.875'))).toBe('1.88');
    expect(formatNumber(dec('66'))).toBe('66');
  });
});
