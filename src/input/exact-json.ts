// JSON read exactly: every number keeps the text it was written with, so a price map's 0.1 is the
// decimal 0.1 and never the binary double nearest to it. JSON.parse cannot do this on Node 20 (its
// reviver sees only the double), hence this parser. It builds plain data (objects without a
// prototype, arrays, strings, booleans, null, JsonNumber) with an explicit stack, so however deep
// the input nests nothing recurses; any error names the line and column where the text goes wrong.
import { InputError } from '../errors.js';
import { lineAndColumn } from './text-position.js';
import { JsonNumber, type JsonObject, type JsonValue } from './json-value.js';

/** Most nesting accepted (price maps nest about 8 deep). */
export const MAX_JSON_DEPTH = 256;

const Ch = {
  Tab: 9,
  Lf: 10,
  Cr: 13,
  Space: 32,
  Quote: 34,
  Plus: 43,
  Comma: 44,
  Minus: 45,
  Dot: 46,
  Zero: 48,
  Nine: 57,
  Colon: 58,
  UpperE: 69,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  LowerE: 101,
  OpenBrace: 123,
  CloseBrace: 125,
} as const;

interface Frame {
  container: JsonValue[] | JsonObject;
  /** the key the next value goes under (objects) */
  key: string | null;
}

/**
 * Parses JSON text; throws an InputError naming file, line and column on anything that is not one
 * JSON value. Objects are plain objects whose keys are own properties: read them with Object.hasOwn.
 */
export function parseExactJson(text: string, file: string): JsonValue {
  return fastParse(text) ?? parseByHand(text, file);
}

const NUMBER_MARK = 0; // a number travels through JSON.parse as a string "\u0000<its text>"
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The usual case, at the speed of the native parser: every number is first rewritten as a string
 * holding its text behind a NUL mark, JSON.parse builds the tree, and the marked strings become
 * JsonNumbers again. Null when the text is not valid JSON (the parser by hand then says where) or
 * holds an escaped NUL of its own, which the mark could not be told apart from.
 */
function fastParse(text: string): JsonValue | null {
  if (/\\u0000/i.test(text)) return null;
  const marked = markNumbers(text);
  if (marked === null) return null;
  let tree: unknown;
  try {
    tree = JSON.parse(marked);
  } catch {
    return null;
  }
  return unmark(tree);
}

/** The text with each number outside strings written as a marked string; null on a malformed number or string. */
function markNumbers(text: string): string | null {
  let out = '';
  const n = text.length;
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) {
      // to the closing quote: the next one not escaped by an odd run of backslashes
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return null;
        let backslashes = 0;
        for (let b = j - 1; text.charCodeAt(b) === Ch.Backslash; b--) backslashes++;
        if (backslashes % 2 === 0) break;
        j++;
      }
      i = j + 1;
    } else if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) {
      const start = i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d >= Ch.Zero && d <= Ch.Nine) || d === Ch.Dot || d === Ch.LowerE || d === Ch.UpperE || d === Ch.Plus || d === Ch.Minus) i++;
        else break;
      }
      const token = text.slice(start, i);
      if (!JSON_NUMBER.test(token)) return null;
      out += `${text.slice(last, start)}"\\u0000${token}"`;
      last = i;
    } else i++;
  }
  return out + text.slice(last);
}

/** The marked strings back to JsonNumbers; null if a mark turns up where no number can be (a key). */
function unmark(root: unknown): JsonValue | null {
  const fix = (v: unknown): JsonValue | undefined => (typeof v === 'string' && v.charCodeAt(0) === NUMBER_MARK ? new JsonNumber(v.slice(1)) : undefined);
  const top = fix(root);
  if (top !== undefined) return top;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) {
        const v = node[k];
        if (typeof v === 'object' && v !== null) stack.push(v);
        else {
          const num = fix(v);
          if (num !== undefined) node[k] = num;
        }
      }
    } else if (typeof node === 'object' && node !== null) {
      const obj = node as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        if (key.charCodeAt(0) === NUMBER_MARK) return null; // {1: 2} is no JSON, and no marked key either
        const v = obj[key];
        if (typeof v === 'object' && v !== null) stack.push(v);
        else {
          const num = fix(v);
          // assigning to "__proto__" would set the prototype: that one key is defined instead
          if (num !== undefined) {
            if (key === '__proto__') Object.defineProperty(obj, key, { value: num, enumerable: true, writable: true, configurable: true });
            else obj[key] = num;
          }
        }
      }
    }
  }
  return root as JsonValue;
}

/** The exact parser by hand: slower, and the one that says where invalid JSON goes wrong. */
function parseByHand(text: string, file: string): JsonValue {
  let i = 0;
  const n = text.length;

  const fail = (offset: number, message: string): never => {
    const at = lineAndColumn(text, Math.min(offset, n));
    throw new InputError([{ file, line: at.line, column: at.column, field: '', message }]);
  };
  const truncated = (stack: Frame[]): never =>
    fail(
      n,
      `the JSON ends inside ${stack.length === 0 ? 'a value' : Array.isArray(stack[stack.length - 1]!.container) ? 'an array' : 'an object'} (${stack.length} still open): the file is truncated or incomplete`,
    );
  const describe = (offset: number) => (offset >= n ? 'the end of the file' : `"${text[offset] === '\n' ? '\\n' : text[offset]}"`);

  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab) i++;
      else break;
    }
  };

  const readString = (stack: Frame[]): string => {
    // at the opening quote
    const start = ++i;
    let out = '';
    let chunk = start;
    for (;;) {
      if (i >= n) truncated(stack);
      const c = text.charCodeAt(i);
      if (c === Ch.Quote) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(i, 'a control character inside a string (a line break must be written \\n)');
      if (c === Ch.Backslash) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === undefined) truncated(stack);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              if (i + 6 > n) truncated(stack);
              fail(i, 'expected four hex digits after \\u');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail(i, `unknown escape \\${e} in a string`);
        }
        i += 2;
        chunk = i;
        continue;
      }
      i++;
    }
  };

  const readNumber = (): JsonNumber => {
    const start = i;
    if (text.charCodeAt(i) === Ch.Minus) i++;
    const digitsFrom = (what: string) => {
      const s = i;
      while (i < n && text.charCodeAt(i) >= Ch.Zero && text.charCodeAt(i) <= Ch.Nine) i++;
      if (i === s) fail(i, `expected a digit ${what}, found ${describe(i)}`);
    };
    if (text.charCodeAt(i) === Ch.Zero) i++;
    else digitsFrom('in a number');
    if (text.charCodeAt(i) === Ch.Dot) {
      i++;
      digitsFrom('after the decimal point');
    }
    const c = text.charCodeAt(i);
    if (c === Ch.LowerE || c === Ch.UpperE) {
      i++;
      const s = text.charCodeAt(i);
      if (s === Ch.Plus || s === Ch.Minus) i++;
      digitsFrom('in the exponent');
    }
    return new JsonNumber(text.slice(start, i));
  };

  const literal = (word: string, value: boolean | null): boolean | null => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    if (word.startsWith(text.slice(i, n)) && i < n) return fail(n, `the JSON ends inside "${word}": the file is truncated`);
    return fail(i, `unexpected ${describe(i)}: expected a value (an object, array, string, number, true, false or null)`);
  };

  const stack: Frame[] = [];
  let root: JsonValue | undefined;
  let done = false;

  /** Puts a finished value into the open container (or makes it the root). */
  const place = (value: JsonValue) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      done = true;
    } else if (Array.isArray(top.container)) top.container.push(value);
    else {
      // an own property even for "__proto__", as JSON.parse makes it
      if (top.key === '__proto__') Object.defineProperty(top.container, top.key, { value, enumerable: true, writable: true, configurable: true });
      else top.container[top.key!] = value;
      top.key = null;
    }
  };

  skipSpace();
  if (i >= n) fail(0, 'the file is empty: expected JSON');

  // The loop reads one value start, or one container end, per turn.
  while (!done) {
    skipSpace();
    if (i >= n) truncated(stack);
    const top = stack[stack.length - 1];
    // inside an object: a key first
    if (top && !Array.isArray(top.container) && top.key === null) {
      if (text.charCodeAt(i) !== Ch.Quote) fail(i, `expected a key in quotes, found ${describe(i)}`);
      top.key = readString(stack);
      skipSpace();
      if (i >= n) truncated(stack);
      if (text.charCodeAt(i) !== Ch.Colon) fail(i, `expected ":" after the key "${top.key}", found ${describe(i)}`);
      i++;
      skipSpace();
      if (i >= n) truncated(stack);
    }
    const c = text.charCodeAt(i);
    let value: JsonValue | undefined;
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      if (stack.length >= MAX_JSON_DEPTH) fail(i, `the JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
      const container: JsonValue[] | JsonObject = c === Ch.OpenBrace ? {} : [];
      i++;
      skipSpace();
      const close = c === Ch.OpenBrace ? Ch.CloseBrace : Ch.CloseBracket;
      if (text.charCodeAt(i) === close) {
        i++;
        value = container;
      } else {
        stack.push({ container, key: null });
        continue;
      }
    } else if (c === Ch.Quote) value = readString(stack);
    else if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) value = readNumber();
    else if (c === 116) value = literal('true', true);
    else if (c === 102) value = literal('false', false);
    else if (c === 110) value = literal('null', null);
    else fail(i, `unexpected ${describe(i)}: expected a value (an object, array, string, number, true, false or null)`);
    place(value!);
    // after a value: a comma, or the end of one or more containers
    while (!done) {
      skipSpace();
      if (i >= n) truncated(stack);
      const open = stack[stack.length - 1]!;
      const isArray = Array.isArray(open.container);
      const ch = text.charCodeAt(i);
      if (ch === Ch.Comma) {
        i++;
        skipSpace();
        if (i >= n) truncated(stack);
        const next = text.charCodeAt(i);
        if (next === Ch.CloseBrace || next === Ch.CloseBracket) fail(i, 'a comma before a closing bracket (JSON allows no trailing comma)');
        break;
      }
      if (ch === (isArray ? Ch.CloseBracket : Ch.CloseBrace)) {
        i++;
        stack.pop();
        place(open.container);
        continue;
      }
      fail(i, `expected "," or "${isArray ? ']' : '}'}", found ${describe(i)}`);
    }
  }
  skipSpace();
  if (i < n) fail(i, `unexpected ${describe(i)} after the end of the JSON value`);
  return root!;
}
