// Reads YAML as data a stranger may have written: bounded in size, nesting, aliases and expanded
// size, duplicate and prototype-polluting keys refused, and every value remembers where it was
// written so errors can name line and column. Nothing here recurses deeper than MAX_DEPTH: nesting
// is measured on the parser's token tree (built with an explicit stack) before any recursive step.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, visit, type CST, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { dec, isDecimalLiteral } from '../money/decimal.js';
import { InputError, MAX_PROBLEMS_PER_FILE, nearMiss, type Problem } from '../errors.js';

/**
 * Largest file read, in bytes. Scenarios and price sheets are a few kilobytes; a scenario of the
 * most workloads allowed (1,000), written in ordinary block YAML with a comment on each, fits.
 */
export const MAX_INPUT_BYTES = 512 * 1024;
/** Most alias uses (`*name`) a document may expand. */
export const MAX_ALIASES = 100;
/** Deepest nesting of lists and mappings. */
export const MAX_DEPTH = 64;
/** Most values (scalars, lists, mappings) a document may hold once its aliases are expanded. */
export const MAX_VALUES = 100_000;
/** Most problems shown for one file (the rest are counted). */
export const MAX_PROBLEMS = MAX_PROBLEMS_PER_FILE;
/** Problems past this many get no "did you mean" (finding one costs time a hostile file could multiply). */
const MAX_SUGGESTED = 100;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// C0 controls other than tab, line feed and carriage return, and DEL: never in a text file.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// The same, and C1 controls, in text after YAML escapes ("\e", "\x9b") are decoded.
const STRING_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function codePoint(text: string): string {
  const ch = STRING_CONTROL.exec(text)?.[0] ?? '';
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

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

type Where = { line: number | null; column: number | null };

function position(lines: LineCounter, offset: number | undefined): Where {
  if (offset === undefined) return { line: null, column: null };
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Line and column of a character offset, without a LineCounter (for checks before parsing). */
function positionInText(text: string, offset: number): Where {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function fail(file: string, message: string, where: Where = { line: null, column: null }, field = ''): never {
  throw new InputError([{ file, ...where, field, message }]);
}

/** Parses YAML text and throws every problem it finds, value problems included. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const parsed = readYaml(text, file);
  if (parsed.problems.length > 0) throw new InputError(parsed.problems);
  return parsed;
}

/**
 * Parses YAML text. Throws an InputError for anything that is not one well-formed, bounded YAML
 * document of plain data; leaves value problems (NaN, infinities, lost digits) in `problems`.
 */
export function readYaml(text: string, file: string): ParsedYaml {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_INPUT_BYTES) {
    fail(file, `file is ${bytes} bytes; vidcost reads scenarios and price sheets up to ${MAX_INPUT_BYTES / 1024} KiB (${MAX_INPUT_BYTES} bytes)`);
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    fail(file, `file holds the control character U+${code}: expected YAML text, found binary data`, positionInText(text, control.index));
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    fail(file, 'file holds U+FFFD, the mark of bytes that were not UTF-8: save it as UTF-8 text', positionInText(text, replacement));
  }
  if (text.trim() === '') fail(file, 'file is empty: expected a YAML mapping (key: value lines)', { line: 1, column: 1 });

  const lines = new LineCounter();
  // The token tree comes from an explicit-stack parser, so it cannot overflow however deep the
  // input is; its depth is checked before the (recursive) composer sees it.
  const tokens = Array.from(new GuardedParser(lines.addNewLine, text, file).parse(text));
  dashGuard(text, file);
  cstDepthGuard(tokens, file, lines);
  const composer = new Composer({ uniqueKeys: false, strict: true, merge: false, version: '1.2', prettyErrors: false, intAsBigInt: false });
  const documents = Array.from(composer.compose(tokens, true, text.length));
  const document = documents[0] as Document.Parsed;
  const problems: Problem[] = [];
  if (documents.length > 1) {
    const second = documents[1]!;
    problems.push({
      file,
      ...position(lines, second.range[0]),
      field: '',
      message: 'file holds more than one YAML document (a second "---"); vidcost reads exactly one',
    });
  }
  const reported = new Set<number>();
  for (const err of [...document.errors, ...document.warnings]) {
    const offset = err.pos?.[0];
    // one message per place: a syntax error often comes with a second one about the same token
    if (offset !== undefined && reported.has(offset)) continue;
    if (offset !== undefined) reported.add(offset);
    // the field only while the path is made of real keys: in a misread document it is noise
    const path = offset === undefined ? [] : pathAtOffset(document, offset);
    const field = path.every((part) => typeof part === 'number' || /^[A-Za-z0-9_-]{1,64}$/.test(part)) ? fieldPath(path) : '';
    problems.push({ file, ...position(lines, offset), field, message: yamlMessage(err.code, err.message, text, offset) });
  }
  if (document.contents === null) {
    if (problems.length > 0) throw new InputError(problems);
    const onlyComments = /^\s*#/m.test(text);
    fail(
      file,
      onlyComments ? 'file holds only comments: expected a YAML mapping (key: value lines)' : 'file holds no data: expected a YAML mapping (key: value lines)',
      { line: 1, column: 1 },
    );
  }
  // A document that does not parse is misread past its first error: what the checks below would
  // say about its keys and values is noise. Its syntax errors come first; the rest after the fix.
  if (document.errors.length > 0) throw new InputError(sortProblems(problems));
  const values: Problem[] = [];
  checkNodes(document.contents as Node, file, lines, problems, values);
  if (problems.length > 0) throw new InputError(sortProblems([...problems, ...values]));

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = firstAlias(document);
    fail(
      file,
      `aliases expand too far (more than ${MAX_ALIASES} alias uses, or an alias inside its own anchor): vidcost refuses "billion laughs" documents (${firstLine(error)})`,
      position(lines, alias?.range?.[0]),
    );
  }
  const total = countValues(data, MAX_VALUES);
  if (total > MAX_VALUES) {
    fail(
      file,
      `the document expands to more than ${MAX_VALUES} values once its aliases are followed; vidcost refuses documents that large`,
      position(lines, firstAlias(document)?.range?.[0]),
    );
  }
  return { file, data, document, lines, problems: values };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * The parser, counting flow nesting and alias uses on the very lexemes it reads (one lexing pass,
 * not a second one before it), when the text could exceed either limit at all: flow brackets
 * nested deeper than any real file needs (brackets inside quoted text are part of their scalar
 * token and do not count) and more alias uses than allowed. The token-tree check below is the
 * authoritative one for depth.
 */
class GuardedParser extends Parser {
  private readonly check: boolean;
  private flow = 0;
  private aliases = 0;
  private offset_ = 0;

  constructor(
    onNewLine: (offset: number) => void,
    private readonly text: string,
    private readonly file: string,
  ) {
    super(onNewLine);
    this.check = mayExceedFlowOrAliasLimits(text);
  }

  override *next(token: string): Generator<CST.Token, void> {
    if (this.check) this.count(token);
    yield* super.next(token);
  }

  private count(token: string): void {
    const first = token.charCodeAt(0);
    if (token === '[' || token === '{') {
      this.flow += 1;
      if (this.flow > MAX_DEPTH) fail(this.file, `nesting deeper than ${MAX_DEPTH} levels of lists and mappings`, positionInText(this.text, this.offset_));
    } else if ((token === ']' || token === '}') && this.flow > 0) this.flow -= 1;
    else if (first === 0x2a /* * */ && token.length > 1) {
      this.aliases += 1;
      if (this.aliases > MAX_ALIASES)
        fail(this.file, `more than ${MAX_ALIASES} alias uses (*name): vidcost refuses "billion laughs" documents`, positionInText(this.text, this.offset_));
    }
    // the lexer's own markers (document, scalar, flow end) take no room in the source
    if (!(token.length === 1 && first < 0x20 && first !== 0x09 && first !== 0x0a && first !== 0x0d)) this.offset_ += token.length;
  }
}

/**
 * Whether counting the lexemes (GuardedParser) could find too deep a flow nesting or too many aliases: not when the
 * text holds no more "[" and "{" than MAX_DEPTH, nor "*" than MAX_ALIASES, since every such token is
 * one of those characters. Every everyday file passes this count, and is spared a second lexing.
 */
function mayExceedFlowOrAliasLimits(text: string): boolean {
  let opens = 0;
  let stars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) opens += 1;
    else if (c === 0x2a /* * */) stars += 1;
  }
  return opens > MAX_DEPTH || stars > MAX_ALIASES;
}

/** Block nesting by "- " at the start of lines, which counting the lexemes does not cover. */
function dashGuard(text: string, file: string): void {
  let lineStart = true;
  let dashes = 0;
  const limit = MAX_DEPTH * 4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      dashes = 0;
    } else if (lineStart) {
      if (c === 0x2d && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) {
        dashes += 1;
        if (dashes > limit) fail(file, `nesting deeper than ${MAX_DEPTH} levels of lists and mappings`, positionInText(text, i));
      } else if (c !== 0x20 && c !== 0x09) lineStart = false;
    }
  }
}

type CstItem = { start: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };

/** Nesting depth of the token tree, walked with an explicit stack. */
function cstDepthGuard(tokens: readonly CST.Token[], file: string, lines: LineCounter): void {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > MAX_DEPTH) fail(file, `nesting deeper than ${MAX_DEPTH} levels of lists and mappings`, position(lines, token.offset));
        for (const item of token.items as CstItem[]) {
          if (item.key) stack.push({ token: item.key, depth: inner });
          if (item.value) stack.push({ token: item.value, depth: inner });
        }
        break;
      }
      default:
        break;
    }
  }
}

/** A yaml error in words a user can act on. */
function yamlMessage(code: string, message: string, text: string, offset: number | undefined): string {
  const first = message.split('\n')[0]!;
  switch (code) {
    case 'TAG_RESOLVE_FAILED': {
      const tag = offset === undefined ? '' : (/^!\S*/.exec(text.slice(offset))?.[0] ?? '');
      if (/^!!(str|int|float|bool|null|seq|map)$/.test(tag)) return `the value does not fit its tag ${tag}`;
      return `the tag ${tag || first.replace(/^Unresolved tag:\s*/, '')} is not allowed: vidcost reads plain data (text, numbers, true/false, lists, mappings), never typed or executable YAML`;
    }
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear once in a mapping';
    case 'MULTIPLE_DOCS':
      return 'file holds more than one YAML document (a second "---"); vidcost reads exactly one';
    case 'BAD_ALIAS':
      return `${first} (an alias *name must follow its anchor &name)`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML indents with spaces';
    default:
      return `YAML syntax: ${first.replace(/\s+at line \d+, column \d+:?$/, '')}`;
  }
}

/** The field path of the deepest node whose source covers an offset. */
function pathAtOffset(document: Document.Parsed, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = document.contents;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as Node | null;
        const v = p.value as Node | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[2] ?? k?.range?.[2];
        return start !== undefined && end !== undefined && start <= offset && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => {
        const r = (item as Node | null)?.range;
        return r != null && r[0] <= offset && offset <= r[2];
      });
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return path;
}

/** Structural problems (keys) go in `problems`; values no schema may accept go in `values`. */
/** More than 15 digits: only then can a decimal literal differ from the double read from it. */
function mayExceedDouble(source: string): boolean {
  let digits = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += 1;
  }
  return digits > 15;
}

function checkNodes(root: Node, file: string, lines: LineCounter, problems: Problem[], values: Problem[]): void {
  const stack: { node: Node | null; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null) continue;
    const at = () => position(lines, node.range?.[0]);
    if (isMap(node)) {
      const seen = new Map<string, number>();
      const children: typeof stack = [];
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const kpos = position(lines, keyNode?.range?.[0] ?? node.range?.[0]);
        if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === 'object')) {
          problems.push({ file, ...kpos, field: fieldPath(path), message: 'keys must be plain text, not lists, mappings or aliases' });
          continue;
        }
        const key = String(keyNode.value);
        if (STRING_CONTROL.test(key)) {
          problems.push({ file, ...kpos, field: fieldPath(path), message: `a key holds the control character ${codePoint(key)}: keys are plain text` });
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({
            file,
            ...kpos,
            field: fieldPath([...path, key]),
            message: `"${key}" is not allowed as a key (it could reach JavaScript object prototypes)`,
          });
          continue;
        }
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push({
            file,
            ...kpos,
            field: fieldPath([...path, key]),
            message: `duplicate key "${key}" (first written on line ${first}): each key may appear once in a mapping`,
          });
          continue;
        }
        seen.set(key, kpos.line ?? 0);
        children.push({ node: pair.value as Node | null, path: [...path, key] });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as Node | null, path: [...path, i] });
    } else if (isPair(node)) {
      // a pair where a value belongs ("- ? a : b"): keep looking inside it
      stack.push({ node: node.value as Node | null, path });
    } else if (isScalar(node) && typeof node.value === 'number') {
      const source = (node as { source?: string }).source ?? String(node.value);
      if (!Number.isFinite(node.value)) {
        values.push({ file, ...at(), field: fieldPath(path), message: `expected a finite number, found ${source}` });
      } else if (mayExceedDouble(source) && isDecimalLiteral(source) && !dec(source).eq(dec(node.value))) {
        // More digits than a double holds: refuse rather than silently round money.
        values.push({
          file,
          ...at(),
          field: fieldPath(path),
          message: `${source} has more significant digits than vidcost keeps exactly (15); quote it as a string if it is a price`,
        });
      }
    } else if (isScalar(node) && typeof node.value === 'string' && STRING_CONTROL.test(node.value)) {
      // written as an escape ("\e[31m"): text with it would drive the terminal it is printed on
      values.push({ file, ...at(), field: fieldPath(path), message: `text holds the control character ${codePoint(node.value)}: vidcost reads plain text` });
    } else if (isScalar(node) && typeof node.value === 'bigint') {
      values.push({ file, ...at(), field: fieldPath(path), message: `expected a number, found ${String(node.value)}` });
    }
  }
}

function firstAlias(document: Document.Parsed): Node | null {
  let found: Node | null = null;
  visit(document, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** Values in a JS value, counting shared (aliased) parts every time they are reached; stops past `limit`. */
function countValues(data: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && count <= limit) {
    const v = stack.pop();
    count += 1;
    if (v !== null && typeof v === 'object') for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return count;
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
function nodeAt(parsed: ParsedYaml, path: readonly PropertyKey[], preferKey = false): { node: Node | null; whole: boolean } {
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

/** zod issues → problems at their line and column, with what was expected, what was found, and near misses. */
export function problemsFromZod(parsed: ParsedYaml, error: z.ZodError, hints: SuggestionHints = {}): Problem[] {
  const sourceOf = (path: readonly PropertyKey[]) => {
    const { node, whole } = nodeAt(parsed, path);
    return whole && isScalar(node) ? (node as { source?: string }).source : undefined;
  };
  return explainZodIssues(parsed.data, error.issues, { ...hints, sourceOf }).map((e) => ({
    file: parsed.file,
    ...(e.at === 'key' ? locate(parsed, e.path, true) : e.at === 'parent' ? locate(parsed, e.path.slice(0, -1)) : locate(parsed, e.path)),
    field: fieldPath(e.path),
    message: e.message,
    ...(e.suggestion ? { suggestion: e.suggestion } : {}),
  }));
}

/** One schema problem in words, and where it points: the value, its key, or (missing) the mapping that should hold it. */
export interface ExplainedIssue {
  path: PropertyKey[];
  at: 'value' | 'key' | 'parent';
  message: string;
  suggestion?: string;
}

/**
 * zod issues in words a user can act on — "expected a number of at least 0, found -5",
 * 'missing required field "name"', 'unknown field "chanel" (did you mean channel?)' — for any
 * data (YAML, JSON). `sourceOf` gives a number as it was written (1e300, not 1e+300).
 */
export function explainZodIssues(
  data: unknown,
  issues: readonly Issue[],
  hints: SuggestionHints & { sourceOf?: (path: readonly PropertyKey[]) => string | undefined } = {},
): ExplainedIssue[] {
  const out: ExplainedIssue[] = [];
  const near = (input: string, candidates: readonly string[]) => (out.length < MAX_SUGGESTED ? nearMiss(input, candidates) : undefined);
  for (const issue of flattenUnions(data, issues, [])) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const known = hints.knownKeys?.(path) ?? [];
      for (const key of issue.keys) {
        const suggestion = near(key, known);
        const listed = !suggestion && known.length > 0 && known.length <= 20 ? ` (fields here: ${known.join(', ')})` : '';
        out.push({ path: [...path, key], at: 'key', message: `unknown field "${key}"${listed}`, ...(suggestion ? { suggestion } : {}) });
      }
      continue;
    }
    const found = valueAt(data, path);
    const shown = found === undefined ? 'nothing' : describe(found, hints.sourceOf?.(path));
    let message: string;
    let suggestion: string | undefined;
    const expected =
      issue.code === 'invalid_type'
        ? expectedWords(issue.expected)
        : issue.code === 'invalid_union'
          ? unionWords(issue.errors)
          : issue.code === 'invalid_value'
            ? issue.values.length === 1
              ? String(issue.values[0])
              : `one of ${issue.values.map(String).join(', ')}`
            : null;
    if (expected !== null && path.length > 0 && found === undefined && !hasKey(data, path)) {
      // Missing: point at the mapping that should hold it and name the field.
      out.push({ path, at: 'parent', message: `missing required field "${String(path[path.length - 1])}" (expected ${expected})` });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
      case 'invalid_union':
        message = `expected ${expected}, found ${shown}`;
        if (typeof found === 'string' && /\ba number\b|\bwhole number\b/.test(expected ?? '') && isDecimalLiteral(found))
          message += ' (write it without quotes)';
        if (typeof found === 'string' && expected === 'true or false' && /^(yes|no|on|off|y|n|True|False|TRUE|FALSE)$/.test(found))
          message += ' (write true or false)';
        break;
      case 'invalid_value': {
        const allowed = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
        message = allowed.length === 1 ? `expected ${allowed[0]}, found ${shown}` : `expected one of ${allowed.join(', ')}, found ${shown}`;
        if (typeof found === 'string' && issue.values.some((v) => typeof v !== 'string' && String(v) === found)) message += ' (write it without quotes)';
        // (one allowed value is already named in full: no "did you mean" beside it)
        else if (allowed.length > 1 && (typeof found === 'string' || typeof found === 'number')) suggestion = near(String(found), allowed);
        break;
      }
      case 'too_small':
      case 'too_big':
        message = `${boundWords(issue)}, found ${Array.isArray(found) && found.length > 0 ? `${found.length} item${found.length === 1 ? '' : 's'}` : shown}`;
        break;
      case 'invalid_format':
        message = `${issue.message.startsWith('Invalid') ? `expected ${formatWords(issue.format)}` : issue.message}, found ${shown}`;
        break;
      case 'not_multiple_of':
        message = `expected a multiple of ${String(issue.divisor)}, found ${shown}`;
        break;
      case 'invalid_key':
        message = `invalid key: ${issue.issues[0]?.message ?? issue.message}`;
        break;
      case 'invalid_element':
        message = `invalid entry: ${issue.issues[0]?.message ?? issue.message}`;
        break;
      case 'custom':
        message = issue.message;
        if (issue.params && typeof issue.params['suggestion'] === 'string') suggestion = issue.params['suggestion'] as string;
        break;
      default:
        message = (issue as { message: string }).message;
    }
    out.push({ path, at: 'value', message, ...(suggestion ? { suggestion } : {}) });
  }
  return out;
}

/** Validates parsed YAML against a schema and reports every problem of the file at once, or returns the data. */
export function validateParsed<S extends z.ZodType>(
  parsed: ParsedYaml,
  schema: S,
  hints: SuggestionHints = { knownKeys: (p) => keysOfSchema(schema, p) },
): z.output<S> {
  const result = schema.safeParse(parsed.data);
  const other = result.success ? undefined : hints.wrongKind?.(parsed.data);
  if (other !== undefined) {
    // a whole file of the other kind: one sentence, not a problem per field
    throw new InputError([{ file: parsed.file, line: 1, column: 1, field: '', message: other }]);
  }
  const problems = [...parsed.problems];
  if (!result.success) {
    // A value the YAML already refused (NaN, say) needs no second word from the schema.
    const taken = new Set(parsed.problems.map((p) => p.field));
    for (const p of problemsFromZod(parsed, result.error, hints)) if (!taken.has(p.field)) problems.push(p);
  }
  if (problems.length > 0) throw new InputError(sortProblems(problems));
  return (result as { data: z.output<S> }).data;
}

/** In file order; problems of the whole file (no line) first. */
function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

type Issue = z.core.$ZodIssue;

/**
 * A union ("a number, or a { low, likely, high } mapping") fails as a whole. When the value has
 * the type of one branch, that branch's own issues say what is wrong; report those instead.
 */
function flattenUnions(data: unknown, issues: readonly Issue[], prefix: readonly PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PropertyKey[])];
    if (issue.code === 'invalid_union' && valueAt(data, path) !== undefined) {
      const typeMismatch = (b: readonly Issue[]) => b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0;
      const matched = issue.errors.find((b) => !typeMismatch(b));
      if (matched) {
        out.push(...flattenUnions(data, matched, path));
        continue;
      }
    }
    out.push({ ...issue, path } as Issue);
  }
  return out;
}

export interface SuggestionHints {
  /** the field names allowed at a path, for "did you mean" on unknown keys */
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[];
  /** when the data is another kind of file (a price sheet given as a scenario), the sentence that says so */
  wrongKind?: (data: unknown) => string | undefined;
}

/** Whether data is a mapping with every one of these top-level keys. */
export function hasTopLevelKeys(data: unknown, keys: readonly string[]): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && keys.every((k) => Object.hasOwn(data, k));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.hasOwn(cur, part) ? (cur as Record<PropertyKey, unknown>)[part] : undefined;
  }
  return cur;
}

function hasKey(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return data !== undefined;
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path[path.length - 1]!);
}

/** What was found, a number as written in the file where that is known. */
function describe(value: unknown, source?: string): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return value === '' ? 'empty text ""' : `text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return source && source.length <= 40 ? source : String(value);
  return String(value);
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'object':
    case 'record':
    case 'map':
      return 'a mapping (key: value lines)';
    case 'array':
      return 'a list';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function formatWords(format: string): string {
  switch (format) {
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'url':
      return 'an http or https URL';
    case 'regex':
      return 'text of the documented form';
    default:
      return `text in the ${format} format`;
  }
}

function boundWords(issue: { code: 'too_small' | 'too_big'; origin: string; inclusive?: boolean; minimum?: unknown; maximum?: unknown }): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small && bound === '1') return 'expected non-empty text';
      return small ? `expected text of at least ${bound} characters` : `expected text of at most ${bound} characters`;
    case 'array':
    case 'set':
      if (small && bound === '1') return 'expected a list of at least one item';
      return small ? `expected a list of at least ${bound} items` : `expected a list of at most ${bound} items`;
    default:
      if (small) return issue.inclusive === false ? `expected a number greater than ${bound}` : `expected a number of at least ${bound}`;
      return issue.inclusive === false ? `expected a number less than ${bound}` : `expected a number of at most ${bound}`;
  }
}

function unionWords(branches: readonly (readonly { code: string; expected?: string; path: PropertyKey[]; message: string }[])[]): string {
  const kinds: string[] = [];
  for (const issues of branches) {
    const typed = issues.find((i) => i.code === 'invalid_type' && i.path.length === 0);
    if (typed?.expected) kinds.push(typed.expected === 'object' ? 'a mapping' : expectedWords(typed.expected));
    else if (issues[0]) kinds.push(issues[0].message.replace(/^expected /, ''));
  }
  const unique = [...new Set(kinds)];
  return unique.length === 0 ? 'another kind of value' : unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
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
  // of a union ("a number or a mapping"), the branch that has fields
  const objectBranch = (s: unknown): unknown => {
    const def = (s as { def?: { type?: string; options?: unknown[] } }).def;
    if (def?.type !== 'union') return s;
    return def.options?.map(unwrap).find((o) => (o as { def?: { type?: string } }).def?.type === 'object') ?? s;
  };
  cur = objectBranch(unwrap(cur));
  for (const part of path) {
    const def = (cur as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; valueType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'array' && typeof part === 'number') cur = unwrap(def.element);
    else if (def.type === 'object' && def.shape && typeof part === 'string') cur = unwrap(def.shape[part]);
    else if (def.type === 'record') cur = unwrap(def.valueType);
    else return [];
    cur = objectBranch(cur);
  }
  const shape = (cur as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return shape?.type === 'object' && shape.shape ? Object.keys(shape.shape) : [];
}
