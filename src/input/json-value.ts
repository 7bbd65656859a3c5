// The values the exact JSON reader (exact-json.ts) builds: plain data whose numbers keep the text
// they were written with. Apart from the reader, so that code that only reads parsed values (the
// price maps, the engine through them) does not reach a parser.
import { dec, type Dec } from '../money/decimal.js';

/** A JSON number as written. */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** The exact decimal value, with the decimal point moved `shift` places left (cents → dollars: 2). */
  toDec(shift = 0): Dec {
    return dec(plainDecimal(this.text, shift));
  }
}

export type JsonValue = JsonNumber | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

/** "1.5e-3" → "0.0015": a JSON number's text as a plain decimal, shifted `shift` places left. */
export function plainDecimal(text: string, shift = 0): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a JSON number: ${text}`);
  const [, sign = '', whole = '', frac = '', exp = '0'] = m;
  const digits = `${whole}${frac}`;
  // the point sits after `point` digits of `digits`
  const point = whole.length + Number(exp) - shift;
  let intPart: string;
  let fracPart: string;
  if (point <= 0) {
    intPart = '0';
    fracPart = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intPart = digits + '0'.repeat(point - digits.length);
    fracPart = '';
  } else {
    intPart = digits.slice(0, point);
    fracPart = digits.slice(point);
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  fracPart = fracPart.replace(/0+$/, '');
  return `${sign}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}
