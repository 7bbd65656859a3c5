// zod's issues in words a user can act on, each at the line and column it points to: what was
// expected, what was found, and "did you mean" for a near miss. Works on any parsed data; YAML
// positions come from yaml-locate.ts.
import { isScalar } from 'yaml';
// a namespace import, so that the bundle keeps only the parts of zod/mini used (`{ z }` keeps all)
import * as z from 'zod/mini';
import { isDecimalLiteral } from '../money/decimal.js';
import { InputError, nearMiss, type Problem } from '../errors.js';
import { fieldPath, locate, nodeAt, sortProblems, type ParsedYaml } from './yaml-locate.js';

/** Problems past this many get no "did you mean" (finding one costs time a hostile file could multiply). */
const MAX_SUGGESTED = 100;

/**
 * zod/mini sets no language for its messages (each reads "Invalid input"), and some reach the user
 * as they are (a failed format, a branch of a union): every schema builder calls this first, before
 * anything is parsed. A language the program chose already is kept, as classic zod keeps it.
 */
export function useEnglishZodMessages(): void {
  if (!z.config().localeError) z.config(z.locales.en());
}

/** zod issues → problems at their line and column, with what was expected, what was found, and near misses. */
export function problemsFromZod(parsed: ParsedYaml, issues: readonly Issue[], hints: SuggestionHints = {}): Problem[] {
  const sourceOf = (path: readonly PropertyKey[]) => {
    const { node, whole } = nodeAt(parsed, path);
    return whole && isScalar(node) ? (node as { source?: string }).source : undefined;
  };
  return explainZodIssues(parsed.data, issues, { ...hints, sourceOf }).map((e) => ({
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
export function validateParsed<S extends z.ZodMiniType>(
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
    for (const p of problemsFromZod(parsed, result.error.issues, hints)) if (!taken.has(p.field)) problems.push(p);
  }
  if (problems.length > 0) throw new InputError(sortProblems(problems));
  return (result as { data: z.output<S> }).data;
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

/** Any zod schema, read through its `def`: zod 4's public, typed definition of a schema. */
type Schema = { def: z.core.$ZodTypes['_zod']['def'] };

/** The schema inside wrappers that do not change the fields (optional, default, nullable..., a pipe's input). */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = s.def;
    if ('innerType' in def) s = def.innerType as unknown as Schema;
    else if (def.type === 'pipe') s = def.in as unknown as Schema;
    else break;
  }
  return s;
}

/** Of a union ("a number or a mapping"), the branch that has fields. */
function objectBranch(schema: Schema): Schema {
  const def = schema.def;
  if (def.type !== 'union') return schema;
  return def.options.map((o) => unwrap(o as unknown as Schema)).find((o) => o.def.type === 'object') ?? schema;
}

/** Field names of a zod object schema at a path, walking arrays, records and optionals. */
export function keysOfSchema(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let cur = objectBranch(unwrap(schema as unknown as Schema));
  for (const part of path) {
    const def = cur.def;
    let next: unknown;
    if (def.type === 'array' && typeof part === 'number') next = def.element;
    else if (def.type === 'object' && typeof part === 'string') next = def.shape[part];
    else if (def.type === 'record') next = def.valueType;
    if (next === undefined) return [];
    cur = objectBranch(unwrap(next as Schema));
  }
  return cur.def.type === 'object' ? Object.keys(cur.def.shape) : [];
}
