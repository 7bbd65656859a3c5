// A zod schema turned into a PlainShape (plain-shape.ts): what the zod-free validator may decide
// on its own. It reads the schema's definition and models only constructs whose rules it copies
// exactly; anything else (refinements, transforms, coercion, formats other than plain patterns,
// objects that strip unknown keys) becomes { kind: 'zod' }, and an input reaching it goes to zod.
import type { z } from 'zod';
import type { Bound, PlainShape } from './plain-shape.js';

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  check?: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  discriminator?: unknown;
  innerType?: Schema;
  values?: unknown[];
  entries?: Record<string, unknown>;
  defaultValue?: unknown;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

type Schema = { _zod: { def: Def } };

const ZOD: PlainShape = { kind: 'zod' };

export function shapeOf(schema: z.ZodType): PlainShape {
  return walk(schema as unknown as Schema);
}

/**
 * The definition keys each modelled type may have; any other key (a transform, a catchall, a
 * custom condition, ...) may change what zod accepts, and sends the whole node to zod. `error` only
 * words a message.
 */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  object: ['shape', 'catchall'],
  record: ['keyType', 'valueType'],
  array: ['element', 'checks'],
  number: ['checks'],
  string: ['checks', 'format', 'check', 'pattern'],
  boolean: [],
  literal: ['values'],
  enum: ['entries'],
  union: ['options'],
  optional: ['innerType'],
  default: ['innerType', 'defaultValue'],
};
const KNOWN_CHECK_KEYS: Record<string, readonly string[]> = {
  min_length: ['minimum', 'when'],
  max_length: ['maximum', 'when'],
  greater_than: ['value', 'inclusive'],
  less_than: ['value', 'inclusive'],
  number_format: ['type', 'format'],
  string_format: ['format', 'pattern', 'when'],
};
const ANY_KEYS = ['type', 'check', 'error', 'abort'];

function onlyKnownKeys(def: object, known: readonly string[] | undefined): boolean {
  return known !== undefined && Object.keys(def).every((k) => ANY_KEYS.includes(k) || known.includes(k));
}

function walk(schema: Schema): PlainShape {
  const def = schema._zod.def;
  if (!onlyKnownKeys(def, KNOWN_KEYS[def.type])) return ZOD;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  if (!checks.every((c) => onlyKnownKeys(c, KNOWN_CHECK_KEYS[c.check]))) return ZOD;
  // a string format schema (z.iso.date()) carries its format in its own definition
  if (def.type === 'string' && def.check === 'string_format') checks.push(def as unknown as CheckDef);
  switch (def.type) {
    case 'object': {
      // only strict objects: zod drops unknown keys of the others, which this does not model
      if (checks.length > 0 || def.catchall?._zod.def.type !== 'never' || !def.shape) return ZOD;
      return { kind: 'object', fields: Object.fromEntries(Object.entries(def.shape).map(([k, v]) => [k, walk(v)])) };
    }
    case 'record': {
      const key = def.keyType?._zod.def;
      if (checks.length > 0 || !key || key.type !== 'string' || !onlyKnownKeys(key, ['checks']) || (key.checks ?? []).length > 0 || !def.valueType) return ZOD;
      return { kind: 'record', value: walk(def.valueType) };
    }
    case 'array': {
      if (!def.element) return ZOD;
      const lengths = lengthChecks(checks);
      return lengths ? { kind: 'array', item: walk(def.element), ...lengths } : ZOD;
    }
    case 'number': {
      const shape: { kind: 'number'; min?: Bound; max?: Bound; safeInt?: true } = { kind: 'number' };
      for (const c of checks) {
        if (c.check === 'greater_than' && typeof c.value === 'number') shape.min = tighter(shape.min, { value: c.value, inclusive: Boolean(c.inclusive) }, true);
        else if (c.check === 'less_than' && typeof c.value === 'number') shape.max = tighter(shape.max, { value: c.value, inclusive: Boolean(c.inclusive) }, false);
        else if (c.check === 'number_format' && c.format === 'safeint') shape.safeInt = true;
        else return ZOD;
      }
      return shape;
    }
    case 'string': {
      const lengths = lengthChecks(checks.filter((c) => c.check !== 'string_format'));
      const formats = checks.filter((c) => c.check === 'string_format');
      // formats that are exactly one regular expression; others (url, email, ...) check more
      if (!lengths || formats.length > 1 || formats.some((f) => (f.format !== 'date' && f.format !== 'regex') || !(f.pattern instanceof RegExp))) return ZOD;
      const p = formats[0]?.pattern;
      return { kind: 'string', ...lengths, ...(p ? { pattern: { source: p.source, flags: p.flags } } : {}) };
    }
    case 'boolean':
      return checks.length > 0 ? ZOD : { kind: 'boolean' };
    case 'literal': {
      const values = def.values ?? [];
      return checks.length > 0 || !values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) ? ZOD : { kind: 'literal', values: values as (string | number | boolean | null)[] };
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return checks.length > 0 || !values.every((v): v is string => typeof v === 'string') ? ZOD : { kind: 'enum', values };
    }
    case 'union':
      return checks.length > 0 || def.discriminator !== undefined || !def.options ? ZOD : { kind: 'union', options: def.options.map(walk) };
    case 'optional':
      return checks.length > 0 || !def.innerType ? ZOD : { kind: 'optional', inner: walk(def.innerType) };
    case 'default': {
      if (checks.length > 0 || !def.innerType) return ZOD;
      // Read once, here: a default must be a constant (a function default that answers differently
      // each time, such as today's date, would be frozen). Only defaults that survive JSON unchanged,
      // since the validator fills a fresh copy of them.
      const json = JSON.stringify(def.defaultValue);
      if (json === undefined || !sameJson(JSON.parse(json), def.defaultValue)) return ZOD;
      return { kind: 'default', inner: walk(def.innerType), json };
    }
    default:
      return ZOD;
  }
}

function lengthChecks(checks: CheckDef[]): { min?: number; max?: number } | null {
  const out: { min?: number; max?: number } = {};
  for (const c of checks) {
    if (c.check === 'min_length' && typeof c.minimum === 'number') out.min = Math.max(out.min ?? 0, c.minimum);
    else if (c.check === 'max_length' && typeof c.maximum === 'number') out.max = Math.min(out.max ?? Infinity, c.maximum);
    else return null;
  }
  return out;
}

/** The stricter of two bounds on the same side. */
function tighter(a: Bound | undefined, b: Bound, lower: boolean): Bound {
  if (a === undefined || a.value === b.value) return a && !a.inclusive ? a : b;
  return lower === a.value > b.value ? a : b;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
