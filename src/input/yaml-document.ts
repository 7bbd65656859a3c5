// Reads YAML as data a stranger may have written: bounded in size, aliases and depth, duplicate keys
// refused, and every value remembers where it was written so errors can name line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { dec, isDecimalLiteral } from '../money/decimal.js';
import { InputError, nearMiss, type Problem } from '../errors.js';

export const MAX_INPUT_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;
const MAX_DEPTH = 64;
const MAX_PROBLEMS = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  file: string;
  data: unknown;
  document: Document.Parsed;
  lines: LineCounter;
}

function position(lines: LineCounter, offset: number | undefined): { line: number | null; column: number | null } {
  if (offset === undefined) return { line: null, column: null };
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function parseYaml(text: string, file: string): ParsedYaml {
  if (text.length > MAX_INPUT_BYTES) {
    throw new InputError([{ file, line: null, column: null, field: '', message: `file is larger than ${MAX_INPUT_BYTES} bytes; vidcost reads scenarios and price sheets up to 1 MiB` }]);
  }
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    throw new InputError([{ file, line: null, column: null, field: '', message: 'file is not UTF-8 text (it holds binary or mis-encoded bytes)' }]);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true, merge: false, version: '1.2' });
  const problems: Problem[] = [];
  for (const err of [...document.errors, ...document.warnings].slice(0, MAX_PROBLEMS)) {
    const at = position(lines, err.pos?.[0]);
    const message = err.code === 'DUPLICATE_KEY' ? 'duplicate key: each key may appear once in a mapping' : err.message.split('\n')[0]!;
    problems.push({ file, ...at, field: '', message });
  }
  if (problems.length > 0) throw new InputError(problems);
  if (document.contents === null) {
    throw new InputError([{ file, line: null, column: null, field: '', message: 'file is empty: expected a YAML mapping' }]);
  }
  checkNodes(document.contents as Node, file, lines, problems, 0, []);
  if (problems.length > 0) throw new InputError(problems.slice(0, MAX_PROBLEMS));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new InputError([{ file, line: null, column: null, field: '', message: `YAML aliases expand too far (${(error as Error).message.split('\n')[0]})` }]);
  }
  return { file, data, document, lines };
}

function checkNodes(node: Node | null, file: string, lines: LineCounter, problems: Problem[], depth: number, path: (string | number)[]): void {
  if (node === null || problems.length >= MAX_PROBLEMS) return;
  const at = () => position(lines, node.range?.[0]);
  if (depth > MAX_DEPTH) {
    problems.push({ file, ...at(), field: fieldPath(path), message: `nesting deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (FORBIDDEN_KEYS.has(key)) {
        const kpos = position(lines, (pair.key as Node | null)?.range?.[0]);
        problems.push({ file, ...kpos, field: fieldPath([...path, key]), message: `"${key}" is not allowed as a key` });
        continue;
      }
      if (!isScalar(pair.key)) {
        problems.push({ file, ...at(), field: fieldPath(path), message: 'keys must be plain scalars' });
        continue;
      }
      checkNodes(pair.value as Node | null, file, lines, problems, depth + 1, [...path, key]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => checkNodes(item as Node | null, file, lines, problems, depth + 1, [...path, i]));
  } else if (isScalar(node) && typeof node.value === 'number') {
    const source = (node as { source?: string }).source ?? String(node.value);
    if (!Number.isFinite(node.value)) {
      problems.push({ file, ...at(), field: fieldPath(path), message: `expected a finite number, found ${source}` });
    } else if (isDecimalLiteral(source) && !dec(source).eq(dec(node.value))) {
      // More digits than a double holds: refuse rather than silently round money.
      problems.push({ file, ...at(), field: fieldPath(path), message: `${source} has more significant digits than vidcost keeps exactly (15); quote it as a string if it is a price` });
    }
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Where a path points in the document: the value node, or the nearest parent that exists. */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[], preferKey = false): { line: number | null; column: number | null } {
  let node: unknown = parsed.document.contents;
  let best: unknown = node;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      best = preferKey ? pair.key : pair.value ?? pair.key;
      node = pair.value;
      if (!preferKey) best = node ?? pair.key;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!item) break;
      node = item;
      best = item;
    } else break;
  }
  return position(parsed.lines, (best as Node | null)?.range?.[0]);
}

/** zod issues → problems at their line and column, with near-miss suggestions. */
export function problemsFromZod(parsed: ParsedYaml, error: z.ZodError, hints: SuggestionHints = {}): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues.slice(0, MAX_PROBLEMS)) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = locate(parsed, [...path, key], true);
        const known = hints.knownKeys?.(path) ?? [];
        const suggestion = nearMiss(key, known);
        problems.push({ file: parsed.file, ...at, field: fieldPath([...path, key]), message: `unknown field "${key}"`, ...(suggestion ? { suggestion } : {}) });
      }
      continue;
    }
    const at = locate(parsed, path);
    const found = valueAt(parsed.data, path);
    let message = issue.message;
    let suggestion: string | undefined;
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const allowed = (issue.values as unknown[]).map(String);
      message = `expected one of ${allowed.join(', ')}, found ${describe(found)}`;
      if (typeof found === 'string' || typeof found === 'number') suggestion = nearMiss(String(found), allowed);
    } else if (issue.code === 'invalid_type') {
      message = found === undefined ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, found ${describe(found)}`;
    } else if (issue.code === 'custom' && issue.params && typeof issue.params['suggestion'] === 'string') {
      suggestion = issue.params['suggestion'] as string;
    } else if ((issue.code === 'too_small' || issue.code === 'too_big') && found !== undefined) {
      message = `${issue.message}, found ${describe(found)}`;
    }
    problems.push({ file: parsed.file, ...at, field: fieldPath(path), message, ...(suggestion ? { suggestion } : {}) });
  }
  return problems;
}

export interface SuggestionHints {
  /** the field names allowed at a path, for "did you mean" on unknown keys */
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, part) ? (cur as Record<PropertyKey, unknown>)[part] : undefined;
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Field names of a zod object schema at a path, walking arrays and optionals. */
export function keysOfSchema(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let x = s as { def?: { type?: string; innerType?: unknown; element?: unknown; in?: unknown; options?: unknown[] } };
    for (let i = 0; i < 10 && x?.def; i++) {
      const t = x.def.type;
      if (t === 'optional' || t === 'default' || t === 'nullable' || t === 'prefault' || t === 'readonly' || t === 'catch') x = x.def.innerType as typeof x;
      else if (t === 'pipe') x = x.def.in as typeof x;
      else break;
    }
    return x;
  };
  cur = unwrap(cur);
  for (const part of path) {
    const def = (cur as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; valueType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'array' && typeof part === 'number') cur = unwrap(def.element);
    else if (def.type === 'object' && def.shape && typeof part === 'string') cur = unwrap(def.shape[part]);
    else if (def.type === 'record') cur = unwrap(def.valueType);
    else return [];
  }
  const shape = (cur as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return shape?.type === 'object' && shape.shape ? Object.keys(shape.shape) : [];
}
