// A zod schema's accept-and-fill rules as plain data, and a validator for it that needs no zod.
//
// The CLI checks every scenario with the scenario's zod schema, but loading zod and building the
// schema is a quarter of a start. The build turns the schema into a PlainShape (shape-of.ts), and
// the CLI first tries the input against that: when the shape accepts it, the output is what zod's
// safeParse would give (the defaults filled in, nothing else changed), and zod is never loaded.
// Whatever the shape is not sure of (a value it rejects, a construct it does not model) goes to zod,
// which decides and words the errors. So the shape may only ever say "valid" where zod says valid
// with the same output; test/plain-shape.test.ts checks that on generated inputs.

export type PlainShape =
  | { kind: 'object'; fields: Record<string, PlainShape> } // strict: no other keys
  | { kind: 'record'; value: PlainShape } // string keys
  | { kind: 'array'; item: PlainShape; min?: number; max?: number }
  | { kind: 'number'; min?: Bound; max?: Bound; safeInt?: true }
  | { kind: 'string'; min?: number; max?: number; pattern?: { source: string; flags: string } }
  | { kind: 'boolean' }
  | { kind: 'literal'; values: (string | number | boolean | null)[] }
  | { kind: 'enum'; values: string[] }
  | { kind: 'union'; options: PlainShape[] }
  | { kind: 'optional'; inner: PlainShape }
  | { kind: 'default'; inner: PlainShape; json: string }
  /** anything else: zod decides */
  | { kind: 'zod' };

export interface Bound {
  value: number;
  inclusive: boolean;
}

/** Not sure: zod decides. */
const UNSURE = Symbol('unsure');
type Outcome = unknown | typeof UNSURE;

/** Keys whose assignment would touch an object's prototype: never handled here. */
const RISKY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The data zod would give for `input`, when the shape is sure `input` is valid; null otherwise. */
export function plainValidate(shape: PlainShape, input: unknown): { data: unknown } | null {
  const out = check(shape, input);
  return out === UNSURE ? null : { data: out };
}

/** The shapes' patterns, each compiled once. */
const patterns = new Map<string, RegExp>();

function patternOf(p: { source: string; flags: string }): RegExp {
  const key = `${p.flags}/${p.source}`;
  let re = patterns.get(key);
  // without g or y, test() keeps no state between inputs
  if (!re) patterns.set(key, (re = new RegExp(p.source, p.flags.replace(/[gy]/g, ''))));
  return re;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function within(x: number, bound: Bound | undefined, above: boolean): boolean {
  if (bound === undefined) return true;
  if (above) return bound.inclusive ? x >= bound.value : x > bound.value;
  return bound.inclusive ? x <= bound.value : x < bound.value;
}

function check(shape: PlainShape, input: unknown): Outcome {
  switch (shape.kind) {
    case 'object': {
      if (!isPlainObject(input)) return UNSURE;
      for (const key of Object.keys(input)) if (!Object.hasOwn(shape.fields, key) || input[key] === undefined) return UNSURE;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape.fields)) {
        if (RISKY_KEYS.has(key)) return UNSURE;
        const present = Object.hasOwn(input, key);
        const value = check(field, present ? input[key] : undefined);
        if (value === UNSURE) return UNSURE;
        // zod leaves an absent optional key absent
        if (value !== undefined) out[key] = value;
        else if (present) return UNSURE;
      }
      return out;
    }
    case 'record': {
      if (!isPlainObject(input) || Object.getOwnPropertySymbols(input).length > 0) return UNSURE;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(input)) {
        if (RISKY_KEYS.has(key)) return UNSURE;
        const value = check(shape.value, input[key]);
        if (value === UNSURE || value === undefined) return UNSURE;
        out[key] = value;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(input)) return UNSURE;
      if ((shape.min !== undefined && input.length < shape.min) || (shape.max !== undefined && input.length > shape.max)) return UNSURE;
      const out: unknown[] = [];
      for (let i = 0; i < input.length; i++) {
        if (!Object.hasOwn(input, i)) return UNSURE; // a hole
        const value = check(shape.item, input[i]);
        if (value === UNSURE || value === undefined) return UNSURE;
        out.push(value);
      }
      return out;
    }
    case 'number':
      if (typeof input !== 'number' || !Number.isFinite(input)) return UNSURE;
      if (shape.safeInt && !Number.isSafeInteger(input)) return UNSURE;
      return within(input, shape.min, true) && within(input, shape.max, false) ? input : UNSURE;
    case 'string': {
      if (typeof input !== 'string') return UNSURE;
      if ((shape.min !== undefined && input.length < shape.min) || (shape.max !== undefined && input.length > shape.max)) return UNSURE;
      if (shape.pattern && !patternOf(shape.pattern).test(input)) return UNSURE;
      return input;
    }
    case 'boolean':
      return typeof input === 'boolean' ? input : UNSURE;
    case 'literal':
      return shape.values.some((v) => v === input) ? input : UNSURE;
    case 'enum':
      return typeof input === 'string' && shape.values.includes(input) ? input : UNSURE;
    case 'union': {
      // zod takes the first option that accepts; an option this validator cannot decide might be
      // that one, so the answer is sure only when every option before the accepting one is surely
      // a different type of value
      for (const option of shape.options) {
        const value = check(option, input);
        if (value !== UNSURE) return value;
        if (!surelyRejects(option, input)) return UNSURE;
      }
      return UNSURE;
    }
    case 'optional':
      return input === undefined ? undefined : check(shape.inner, input);
    case 'default':
      // zod fills the default (a fresh copy) without checking it against the inner schema
      return input === undefined ? JSON.parse(shape.json) : check(shape.inner, input);
    case 'zod':
      return UNSURE;
  }
}

/** Whether zod is certain to refuse `input` for this option because it is another type of value. */
function surelyRejects(shape: PlainShape, input: unknown): boolean {
  switch (shape.kind) {
    case 'number':
      return typeof input !== 'number';
    case 'string':
    case 'enum':
      return typeof input !== 'string';
    case 'boolean':
      return typeof input !== 'boolean';
    case 'object':
    case 'record':
      return typeof input !== 'object' || input === null || Array.isArray(input);
    case 'array':
      return !Array.isArray(input);
    case 'literal':
      return !shape.values.some((v) => v === input);
    default:
      return false;
  }
}
