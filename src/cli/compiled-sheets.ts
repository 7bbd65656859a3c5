// The bundled price sheets, precompiled at build time so that start-up parses no YAML and runs no
// schema for them. `scripts/build.mjs` runs the very `parseSheet` a user's sheet goes through and
// writes the resulting PriceSheet objects here as JSON (exact decimals as strings, revived by the
// engine's own `dec`). Each entry keeps the path and exact text of the
// file it came from and is used only for a file with that path and text: a sheet added or edited
// after the build is read from its YAML, so a stale build can never price with old figures.
import { dec, ZERO } from '../money/decimal.js';
import { UNKNOWN } from '../money/figure.js';
import type { PriceSheet } from '../pricing/model.js';

export const COMPILED_PRICING_FORMAT = 2;

export interface SheetSource {
  /** path relative to the package root, with forward slashes: pricing-data/runway/2026-06-01.yaml */
  path: string;
  text: string;
}

/** One bundled sheet file and the sheet parseSheet made of it. */
export interface CompiledSheet extends SheetSource {
  sheet: PriceSheet;
}

interface CompiledPricing {
  format: number;
  sheets: (SheetSource & { sheet: unknown })[];
}

// Encoding: JSON, except these one-key tags. Objects that occur more than once (e.g. the SheetRef
// every offering of a sheet points to) keep their identity through $id / $r.
//   { $d: "0.0143" }  an exact decimal       { $u: 1 }  undefined
//   { $k: "UNKNOWN" } the shared unknown figure   { $o: {...} }  an object whose keys start with $
//   { $id: n, $v: x } first use of a shared object or array    { $r: n }  a later use
// (ids are numbered within one sheet: sheets share no objects)

const BigCtor = (ZERO as unknown as { constructor: unknown }).constructor;

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype;
}

/** Serializes sheets with the files they came from; throws on any value it could not revive exactly. */
export function encodePricing(compiled: readonly CompiledSheet[]): string {
  const out: CompiledPricing = {
    format: COMPILED_PRICING_FORMAT,
    sheets: compiled.map(({ path, text, sheet }) => ({ path, text, sheet: encodeSheet(sheet, path) })),
  };
  return JSON.stringify(out);
}

function encodeSheet(sheet: PriceSheet, path: string): unknown {
  const seen = new Map<object, number>();
  const count = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || v === UNKNOWN || (v as { constructor: unknown }).constructor === BigCtor) return;
    const n = seen.get(v) ?? 0;
    seen.set(v, n + 1);
    if (n > 0) return;
    for (const x of Array.isArray(v) ? v : Object.values(v)) count(x);
  };
  count(sheet);
  const ids = new Map<object, number>();
  const encode = (v: unknown, where: string): unknown => {
    if (v === undefined) return { $u: 1 };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`cannot precompile ${where}: ${v}`);
      return v;
    }
    if (typeof v !== 'object') throw new Error(`cannot precompile ${where}: a ${typeof v}`);
    if (v === UNKNOWN) return { $k: 'UNKNOWN' };
    if ((v as { constructor: unknown }).constructor === BigCtor) return { $d: (v as { toString(): string }).toString() };
    if (Object.isFrozen(v)) throw new Error(`cannot precompile ${where}: a frozen object`);
    const id = ids.get(v);
    if (id !== undefined) return { $r: id };
    let out: unknown;
    if (Array.isArray(v)) {
      out = v.map((x, i) => encode(x, `${where}[${i}]`));
    } else if (isPlainObject(v)) {
      const o: Record<string, unknown> = {};
      let dollar = false;
      for (const [k, x] of Object.entries(v)) {
        if (k.startsWith('$')) dollar = true;
        o[k] = encode(x, `${where}.${k}`);
      }
      out = dollar ? { $o: o } : o;
    } else {
      throw new Error(`cannot precompile ${where}: an instance of ${(v as object).constructor?.name ?? 'a class'}`);
    }
    if ((seen.get(v) ?? 0) > 1) {
      const n = ids.size;
      ids.set(v, n);
      return { $id: n, $v: out };
    }
    return out;
  };
  return encode(sheet, path);
}

function decode(v: unknown, ids: unknown[]): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decode(v[i], ids);
    return v;
  }
  const o = v as Record<string, unknown>;
  if ('$d' in o) return dec(o['$d'] as string);
  if ('$r' in o) return ids[o['$r'] as number];
  if ('$k' in o) return UNKNOWN;
  if ('$u' in o) return undefined;
  if ('$id' in o) {
    const inner = o['$v'];
    // register before decoding the contents (a shared object is never its own descendant here)
    const decoded = decode(inner, ids);
    ids[o['$id'] as number] = decoded;
    return decoded;
  }
  const target = '$o' in o ? (o['$o'] as Record<string, unknown>) : o;
  for (const k of Object.keys(target)) target[k] = decode(target[k], ids);
  return target;
}

/**
 * The precompiled sheets, keyed by file: for each of the `current` sheet files (path and text), the
 * sheet compiled from exactly that text, if the build compiled it. Empty when the JSON is not
 * usable (another format, or not JSON). Each call decodes anew: no caller shares objects with another.
 */
export function decodePricing(json: string, current: readonly SheetSource[]): Map<string, PriceSheet> {
  const found = new Map<string, PriceSheet>();
  let compiled: CompiledPricing;
  try {
    compiled = JSON.parse(json) as CompiledPricing;
  } catch {
    return found;
  }
  if (compiled.format !== COMPILED_PRICING_FORMAT || !Array.isArray(compiled.sheets)) return found;
  const byPath = new Map(compiled.sheets.map((s) => [s.path, s]));
  for (const { path, text } of current) {
    const entry = byPath.get(path);
    if (entry !== undefined && entry.text === text) found.set(path, decode(entry.sheet, []) as PriceSheet);
  }
  return found;
}
