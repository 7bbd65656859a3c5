// compareIds orders ids, vendor names and dates exactly as localeCompare does, without starting
// ICU's collator, whose start-up every run would otherwise pay (docs/speed.md, `npm run bench`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../src/pricing/catalog.js';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('compareIds', () => {
  it('agrees with localeCompare on strings of id characters', () => {
    const id = fc.string({ unit: fc.constantFrom(...'_-./0123456789abcdefghijklmnopqrstuvwxyz'), maxLength: 12 });
    fc.assert(
      fc.property(id, id, (a, b) => sign(compareIds(a, b)) === sign(a.localeCompare(b))),
      { numRuns: 20_000 },
    );
  });

  it('agrees with localeCompare on any text (other characters are handed to it)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(...'_-./09azAZ éß'), fc.constantFrom('ç', 'Å', '∞')), maxLength: 8 });
    fc.assert(
      fc.property(text, text, (a, b) => sign(compareIds(a, b)) === sign(a.localeCompare(b))),
      { numRuns: 5_000 },
    );
  });

  it('sorts real ids and dates as before', () => {
    const ids = [
      'openai/sora-2-pro',
      'fal/kling-3.0-standard',
      'luma/ray3.14',
      'luma/ray3',
      'fal/kling-3.0-pro',
      'openai/sora-2',
      'x/a_b',
      'x/a-b',
      'x/a1',
      '2026-06-01',
      '2025-12-31',
    ];
    expect([...ids].sort(compareIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});
