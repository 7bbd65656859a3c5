// Where a value of a parsed YAML document was written: its field path, the line and column a path
// points at, and problems put in file order. The reader (yaml-read.ts) and the wording of schema
// problems (zod-words.ts) both use it, so it imports neither.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Problem } from '../errors.js';

/** One YAML document as yaml-read.ts reads it: its data, and the nodes and line starts that say where each value was written. */
export interface ParsedYaml {
  file: string;
  data: unknown;
  document: Document.Parsed;
  lines: LineCounter;
  /**
   * Values the YAML holds that no schema may accept (NaN, infinities, numbers with more digits
   * than a double keeps). `parseYaml` throws them; `readYaml` leaves them here so that
   * `validateParsed` can report them together with the schema's problems.
   */
  problems: Problem[];
}

export type Where = { line: number | null; column: number | null };

/** Line and column of a character offset; null for both when the node has no offset. */
export function position(lines: LineCounter, offset: number | undefined): Where {
  if (offset === undefined) return { line: null, column: null };
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** "workloads[0].clips_per_month"; a key that is not a plain word is quoted (and shortened): overrides["a b"]. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z0-9_-]{1,64}$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else {
      const key = String(part);
      out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key)}]`;
    }
  }
  return out;
}

type YamlMap = Extract<Node, { items: unknown[] }> & { items: { key: unknown; value: unknown }[] };
const keyIndexes = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

/** A mapping's pairs by key, built once: locating thousands of problems stays linear. */
function keyIndex(map: YamlMap): Map<string, { key: unknown; value: unknown }> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    keyIndexes.set(map, index);
  }
  return index;
}

/** The YAML node at a path, or the nearest parent that exists, and whether the path was found whole. */
export function nodeAt(parsed: ParsedYaml, path: readonly PropertyKey[], preferKey = false): { node: Node | null; whole: boolean } {
  let node: unknown = parsed.document.contents;
  let best: unknown = node;
  let whole = true;
  for (const part of path) {
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(part));
      if (!pair) {
        whole = false;
        break;
      }
      node = pair.value;
      best = preferKey ? pair.key : (node ?? pair.key);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!item) {
        whole = false;
        break;
      }
      node = item;
      best = item;
    } else {
      whole = false;
      break;
    }
  }
  if (isAlias(best)) best = best as Node;
  return { node: (best as Node | null) ?? null, whole };
}

/** Where a path points in the document: the value node, or the nearest parent that exists. */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[], preferKey = false): Where {
  return position(parsed.lines, nodeAt(parsed, path, preferKey).node?.range?.[0]);
}

/** In file order; problems of the whole file (no line) first. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
