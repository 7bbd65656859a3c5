// The bundled price sheets, precompiled at build time so that start-up parses no YAML and runs no
// schema for them. `scripts/build.mjs` runs the very `parseSheet` a user's sheet goes through and
// writes the resulting PriceSheet objects here as JSON (exact decimals as strings, revived into
// big.js values with the engine's own constructor). Each entry keeps the exact text of the file it
// came from: a sheet edited, added or removed after the build no longer matches, and the CLI then
// reads the YAML instead, so a stale build can never price with old figures.
import { dec, ZERO } from '../money/decimal.js';
import { UNKNOWN } from '../money/figure.js';
import type { PriceSheet } from '../pricing/model.js';

export const COMPILED_PRICING_FORMAT = 1;

export interface SheetSource {
  /** path relative to the package root, with forward slashes: pricing-data/runway/2026-06-01.yaml */
  path: string;
  text: string;
}

interface CompiledPricing {
  format: number;
  files: SheetSource[];
  sheets: unknown;
}

// Encoding: JSON, except these one-key tags. Objects that occur more than once (e.g. the SheetRef
// every offering of a sheet points to) keep their identity through $id / $r.
//   { $d: "0.0143" }  a decimal (big.js)         { $u: 1 }  undefined
//   { $k: "UNKNOWN" } the shared unknown figure   { $o: {...} }  an object whose keys start with $
//   { $id: n, $v: x } first use of a shared object or array    { $r: n }  a later use

const BigCtor = (ZERO as unknown as { constructor: unknown }).constructor;

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype;
}

/** Serializes PriceSheets; throws on any value it could not revive exactly. */
export function encodePricing(files: readonly SheetSource[], sheets: readonly PriceSheet[]): string {
  const seen = new Map<object, number>();
  const count = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || v === UNKNOWN || (v as { constructor: unknown }).constructor === BigCtor) return;
    const n = seen.get(v) ?? 0;
    seen.set(v, n + 1);
    if (n > 0) return;
    for (const x of Array.isArray(v) ? v : Object.values(v)) count(x);
  };
  count(sheets);
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
  const compiled: CompiledPricing = { format: COMPILED_PRICING_FORMAT, files: [...files], sheets: encode(sheets, 'sheets') };
  return JSON.stringify(compiled);
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
 * The precompiled sheets, or null when they cannot be trusted: another format, or the sheet files
 * on disk (`current`, in the order the loader lists them) differ in any byte from those compiled.
 */
export function decodePricing(json: string, current: readonly SheetSource[]): PriceSheet[] | null {
  let compiled: CompiledPricing;
  try {
    compiled = JSON.parse(json) as CompiledPricing;
  } catch {
    return null;
  }
  if (compiled.format !== COMPILED_PRICING_FORMAT || !Array.isArray(compiled.files) || compiled.files.length !== current.length) return null;
  for (let i = 0; i < current.length; i++) {
    const a = compiled.files[i]!;
    const b = current[i]!;
    if (a.path !== b.path || a.text !== b.text) return null;
  }
  return decode(compiled.sheets, []) as PriceSheet[];
}
