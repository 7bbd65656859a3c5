// JSON read exactly: numbers keep their written text; bad JSON is refused with file, line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseExactJson } from '../src/input/exact-json.js';
import { isJsonObject, JsonNumber, plainDecimal, type JsonValue } from '../src/input/json-value.js';
import { FIXTURES } from './helpers.js';

function problem(text: string): string {
  try {
    parseExactJson(text, 'map.json');
  } catch (e) {
    if (e instanceof InputError) {
      const p = e.problems[0]!;
      return `${p.file}:${p.line}:${p.column}: ${p.message}`;
    }
    throw e;
  }
  return 'no error';
}

describe('numbers are read from their text', () => {
  it('0.1 is exactly 0.1, and exponents are written out', () => {
    const v = parseExactJson('{"a": 0.1, "b": 2e-05, "c": 1.5E+3, "d": [-0.25, 100]}', 'm.json') as Record<string, JsonValue>;
    expect(v['a']).toBeInstanceOf(JsonNumber);
    expect((v['a'] as JsonNumber).toDec().toFixed(30)).toBe('0.100000000000000000000000000000');
    expect((v['b'] as JsonNumber).toDec().toFixed(7)).toBe('0.0000200');
    expect((v['c'] as JsonNumber).text).toBe('1.5E+3');
    expect((v['d'] as JsonNumber[]).map((n) => n.text)).toEqual(['-0.25', '100']);
  });

  it('moves the decimal point exactly (cents to dollars)', () => {
    expect(plainDecimal('12', 2)).toBe('0.12');
    expect(plainDecimal('0.00175', 2)).toBe('0.0000175');
    expect(plainDecimal('2e-05', 2)).toBe('0.0000002');
    expect(plainDecimal('70', 2)).toBe('0.7');
    expect(plainDecimal('1.5e3')).toBe('1500');
    // a digit past a double's 17: a float would lose it
    expect(plainDecimal('0.12345678901234567891', 2)).toBe('0.0012345678901234567891');
  });

  it('a string holding digits stays a string, and an escaped NUL is read too', () => {
    const v = parseExactJson('{"comment": "5 credits, 0.05", "x": "\\u0000 7", "n": 3}', 'm.json') as Record<string, JsonValue>;
    expect(v['comment']).toBe('5 credits, 0.05');
    expect(v['x']).toBe('\u0000 7');
    expect((v['n'] as JsonNumber).text).toBe('3');
  });

  it('"__proto__" is an own key, never the prototype', () => {
    const v = parseExactJson('{"__proto__": {"polluted": 1}, "k": 2}', 'm.json') as Record<string, JsonValue>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it("reads LiteLLM's whole map to the same structure as JSON.parse, every number from its text", () => {
    const text = readFileSync(join(FIXTURES, 'price-maps', 'litellm', 'model_prices_and_context_window.2026-07-24.json'), 'utf8');
    const exact = parseExactJson(text, 'litellm.json');
    const asFloats = JSON.stringify(exact, (_k, v: unknown) => (v instanceof JsonNumber ? Number(v.text) : v));
    expect(asFloats).toBe(JSON.stringify(JSON.parse(text)));
    expect(isJsonObject(exact)).toBe(true);
    const sora = (exact as Record<string, Record<string, JsonValue>>)['sora-2']!;
    expect((sora['output_cost_per_video_per_second'] as JsonNumber).text).toBe('0.1');
  });
});

describe('bad JSON is refused with where it goes wrong', () => {
  it('truncated', () => {
    expect(problem('{\n  "a": {"b": 1,\n  "c": [1, 2')).toBe(
      'map.json:3:13: the JSON ends inside an array (3 still open): the file is truncated or incomplete',
    );
    expect(problem('{"a": tr')).toBe('map.json:1:9: the JSON ends inside "true": the file is truncated');
    expect(problem('{"a": "unfinished')).toMatch(/^map\.json:1:18: the JSON ends inside an object/);
  });

  it('malformed', () => {
    expect(problem('{"a" 1}')).toBe('map.json:1:6: expected ":" after the key "a", found "1"');
    expect(problem('{"a": 1,}')).toBe('map.json:1:9: a comma before a closing bracket (JSON allows no trailing comma)');
    expect(problem('{"a": 01}')).toBe('map.json:1:8: expected "," or "}", found "1"');
    expect(problem('{1: 2}')).toBe('map.json:1:2: expected a key in quotes, found "1"');
    expect(problem('{"a": 1} x')).toBe('map.json:1:10: unexpected "x" after the end of the JSON value');
    expect(problem('{"a": 1-2}')).toBe('map.json:1:8: expected "," or "}", found "-"');
    expect(problem('   ')).toBe('map.json:1:1: the file is empty: expected JSON');
  });
});

describe('the same answer as JSON.parse, on any text', () => {
  const floats = (v: JsonValue) => JSON.stringify(v, (_k, x: unknown) => (x instanceof JsonNumber ? Number(x.text) : x));

  it('valid JSON: the same structure, numbers as written', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(floats(parseExactJson(text, 'f.json'))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('any text: accepted exactly when JSON.parse accepts it, else an InputError', () => {
    const text = fc.oneof(
      fc.string(),
      fc.json().chain((j) => fc.nat(j.length).map((n) => j.slice(0, n))),
      fc
        .json()
        .chain((j) =>
          fc.tuple(fc.nat(j.length), fc.constantFrom('"', ',', ':', '-', '1', '}', ']', '\\', 'e', '.')).map(([n, c]) => j.slice(0, n) + c + j.slice(n)),
        ),
    );
    fc.assert(
      fc.property(text, (t) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(t);
        } catch {
          nativeOk = false;
        }
        if (nativeOk) expect(floats(parseExactJson(t, 'f.json'))).toBe(JSON.stringify(native));
        else expect(() => parseExactJson(t, 'f.json')).toThrow(InputError);
      }),
      { numRuns: 2000 },
    );
  });
});
