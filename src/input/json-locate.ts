// Where a field is in a JSON text, for error messages about a large file (a baseline of tens of
// megabytes): one forward scan that steps over the values before it, no second parse, no recursion.

/** Offset of the value at `path`, or of the deepest part of it that exists; null for no JSON value at all. */
export function jsonOffsetOf(text: string, path: readonly (string | number)[]): number | null {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (i >= text.length) return null;
  let at = i;
  for (const part of path) {
    const open = text.charCodeAt(i);
    let found = false;
    if (open === 0x7b /* { */) {
      i = skipSpace(text, i + 1);
      while (i < text.length && text.charCodeAt(i) === 0x22 /* " */) {
        const keyEnd = skipString(text, i);
        const key = readKey(text.slice(i, keyEnd));
        i = skipSpace(text, keyEnd);
        if (text.charCodeAt(i) !== 0x3a /* : */) return at;
        i = skipSpace(text, i + 1);
        if (key === String(part)) {
          found = true;
          break;
        }
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) !== 0x2c /* , */) break;
        i = skipSpace(text, i + 1);
      }
    } else if (open === 0x5b /* [ */ && typeof part === 'number') {
      i = skipSpace(text, i + 1);
      for (let index = 0; i < text.length && text.charCodeAt(i) !== 0x5d /* ] */; index++) {
        if (index === part) {
          found = true;
          break;
        }
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) !== 0x2c /* , */) break;
        i = skipSpace(text, i + 1);
      }
    }
    if (!found) return at;
    at = i;
  }
  return at;
}

function readKey(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i += 1;
  }
  return i;
}

/** Past the string starting at the quote at i. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c /* \ */) j += 1;
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

/** Past the value starting at i: a string, a whole object or array (counted, not recursed), or a literal. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x22) j = skipString(text, j) - 1;
      else if (d === 0x7b || d === 0x5b) depth += 1;
      else if (d === 0x7d || d === 0x5d) {
        depth -= 1;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
    j += 1;
  }
  return j;
}
