// Reads YAML as data a stranger may have written: bounded in size, nesting, aliases and expanded
// size, duplicate and prototype-polluting keys refused, and every value remembers where it was
// written so errors can name line and column. Nesting is measured on the parser's own stack of
// collections as it reads, before any recursive step, so nothing here recurses deeper than MAX_DEPTH
// (or one level more, where a closed collection becomes a key: refused, as every such key is).
import { Composer, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, visit, type CST, type Document, type Node } from 'yaml';
import { dec, isDecimalLiteral } from '../money/decimal.js';
import { InputError, MAX_PROBLEMS_PER_FILE, type Problem } from '../errors.js';
import { fieldPath, position, sortProblems, type ParsedYaml, type Where } from './yaml-locate.js';
import { lineAndColumn } from './text-position.js';

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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// C0 controls other than tab, line feed and carriage return, and DEL: never in a text file.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// The same, and C1 controls, in text after YAML escapes ("\e", "\x9b") are decoded.
const STRING_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function codePoint(text: string): string {
  const ch = STRING_CONTROL.exec(text)?.[0] ?? '';
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
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
    fail(file, `file holds the control character U+${code}: expected YAML text, found binary data`, lineAndColumn(text, control.index));
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    fail(file, 'file holds U+FFFD, the mark of bytes that were not UTF-8: save it as UTF-8 text', lineAndColumn(text, replacement));
  }
  if (text.trim() === '') fail(file, 'file is empty: expected a YAML mapping (key: value lines)', { line: 1, column: 1 });

  const lines = new LineCounter();
  const tokens = parseTokens(text, file, lines);
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
 * The token tree, from a parser that keeps the collections it is building on an explicit stack, so
 * it cannot overflow however deep the input is. Fed one lexeme at a time, it is stopped at the first
 * lexeme that opens a level past MAX_DEPTH (brackets, indentation, "- - -" and "[k: " alike) or uses
 * an alias past MAX_ALIASES: the composer, which recurses, never sees such a tree, and a bracket
 * bomb costs no more than its first levels.
 */
function parseTokens(text: string, file: string, lines: LineCounter): CST.Token[] {
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  let aliases = 0;
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme.charCodeAt(0) === 0x2a /* * */ && lexeme.length > 1 && ++aliases > MAX_ALIASES) {
      fail(file, `more than ${MAX_ALIASES} alias uses (*name): vidcost refuses "billion laughs" documents`, lineAndColumn(text, parser.offset));
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
    // an entry of the stack is worth at most two levels: count only when that could pass the limit
    if (parser.stack.length * 2 > MAX_DEPTH) {
      const open = nesting(parser.stack);
      if (open.levels > MAX_DEPTH) fail(file, `nesting deeper than ${MAX_DEPTH} levels of lists and mappings`, lineAndColumn(text, open.innermost));
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

/**
 * The levels of lists and mappings open on the parser's stack, and where the innermost begins. A
 * flow list whose current item is a pair ("[k: [..." or "[? ...") holds a one-pair mapping, which
 * the stack does not show: that is a level too.
 */
function nesting(stack: readonly CST.Token[]): { levels: number; innermost: number } {
  let levels = 0;
  let innermost = 0;
  for (const token of stack) {
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    levels += 1;
    innermost = token.offset;
    if (token.type === 'flow-collection' && token.start.source === '[') {
      const item = token.items[token.items.length - 1];
      if (item && (item.start.some((t) => t.type === 'explicit-key-ind') || item.sep?.some((t) => t.type === 'map-value-ind'))) levels += 1;
    }
  }
  return { levels, innermost };
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
        // the value's own end, not the whitespace and comments after it, which reach the next line
        const end = v?.range?.[1] ?? k?.range?.[1];
        return start !== undefined && end !== undefined && start <= offset && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => {
        const r = (item as Node | null)?.range;
        return r != null && r[0] <= offset && offset <= r[1];
      });
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return path;
}

/** More than 15 digits: only then can a decimal literal differ from the double read from it. */
function mayExceedDouble(source: string): boolean {
  let digits = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += 1;
  }
  return digits > 15;
}

/** Structural problems (keys) go in `problems`; values no schema may accept go in `values`. */
function checkNodes(root: Node, file: string, lines: LineCounter, problems: Problem[], values: Problem[]): void {
  const stack: { node: Node | null; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null) continue;
    const at = () => position(lines, node.range?.[0]);
    if (isMap(node)) {
      // where each key was written, as an offset: a line and column are worked out only for a problem
      const seen = new Map<string, number | undefined>();
      const children: typeof stack = [];
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const offset = keyNode?.range?.[0] ?? node.range?.[0];
        const keyAt = () => position(lines, offset);
        if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === 'object')) {
          problems.push({ file, ...keyAt(), field: fieldPath(path), message: 'keys must be plain text, not lists, mappings or aliases' });
          continue;
        }
        const key = String(keyNode.value);
        if (STRING_CONTROL.test(key)) {
          problems.push({ file, ...keyAt(), field: fieldPath(path), message: `a key holds the control character ${codePoint(key)}: keys are plain text` });
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({
            file,
            ...keyAt(),
            field: fieldPath([...path, key]),
            message: `"${key}" is not allowed as a key (it could reach JavaScript object prototypes)`,
          });
          continue;
        }
        if (seen.has(key)) {
          problems.push({
            file,
            ...keyAt(),
            field: fieldPath([...path, key]),
            message: `duplicate key "${key}" (first written on line ${position(lines, seen.get(key)).line ?? 0}): each key may appear once in a mapping`,
          });
          continue;
        }
        seen.set(key, offset);
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
