// The plain-text fast path in front of string-width (the width of a table cell) must answer exactly
// what string-width answers: every character of its set is checked against the very emoji-regex,
// is-fullwidth-code-point and string-width that vidcost resolves, and random strings mixing plain
// text, emoji, ANSI colour, controls and wide characters give the same width both ways.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, PLAIN_TEXT } from '../src/render/string-width-fast.js';
import { ROOT } from './helpers.js';

// resolved from the package root, as the bundle resolves them
const fromRoot = createRequire(join(ROOT, 'package.json'));
const stringWidth = fromRoot('string-width') as (s: string) => number;
const fromStringWidth = createRequire(fromRoot.resolve('string-width'));
const emojiRegex = fromStringWidth('emoji-regex') as () => RegExp;
const isFullwidthCodePoint = fromStringWidth('is-fullwidth-code-point') as (cp: number) => boolean;
const fast = displayWidth;

const plainCodePoints = (): number[] => {
  const out: number[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (PLAIN_TEXT.test(String.fromCharCode(cp))) out.push(cp);
  return out;
};

describe('the plain-text fast path of string-width', () => {
  it('holds only characters that are one column wide and take no part in an emoji', () => {
    const plain = plainCodePoints();
    expect(plain.length).toBeGreaterThan(4000);
    for (const cp of plain) {
      const ch = String.fromCharCode(cp);
      expect(emojiRegex().test(ch), `U+${cp.toString(16)}`).toBe(false);
      expect(isFullwidthCodePoint(cp), `U+${cp.toString(16)}`).toBe(false);
      expect(stringWidth(ch), `U+${cp.toString(16)}`).toBe(1);
    }
    // the joiners and modifiers of emoji sequences, and the emoji among Latin-1, are not in it
    for (const ch of ['\u200d', '\ufe0f', '\u20e3', '\u00a9', '\u00ae', '\u203c', '\u2049', '\u2122', '\u2194', '\u001b', '\u009b', '\u0301']) {
      expect(PLAIN_TEXT.test(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
    }
  });

  it('finds no emoji in a string of every plain character, nor in keycap bases followed by any of them', () => {
    const all = String.fromCharCode(...plainCodePoints());
    expect(emojiRegex().test(all)).toBe(false);
    for (const base of '#*0123456789') expect(emojiRegex().test([...all].map((c) => base + c).join(''))).toBe(false);
  });

  it("gives string-width's answer for the cells vidcost prints", () => {
    for (const cell of ['', 'fal/pika-2.5', '~$1,620.00', '~$2,520.00–$5,040.00', 'from ~$1,152.00', '1,200 clips × 10 s', 'unknown']) {
      expect(fast(cell)).toBe(stringWidth(cell));
    }
  });

  it("gives string-width's answer for any string", () => {
    const pieces = fc.constantFrom(
      'a',
      'Z',
      '7',
      '#',
      '*',
      ' ',
      '~',
      '$',
      '–',
      '×',
      '≤',
      '…',
      'é',
      'ß',
      'Ω',
      'Ж',
      '©',
      '®',
      '™',
      '↔',
      '😀',
      '👍🏽',
      '1️⃣',
      '#⃣',
      '🇫🇷',
      '‍',
      '️',
      '中',
      '한',
      'ｱ',
      '\u0301',
      '\u001b[31m',
      '\u001b[0m',
      '\u009b1m',
      '\t',
      '\u0000',
      '\u007f',
      '\u0085',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const s = parts.join('');
        expect(fast(s)).toBe(stringWidth(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps string-width's answer for what is not a string", () => {
    expect(fast(undefined as unknown as string)).toBe(stringWidth(undefined as unknown as string));
  });
});
