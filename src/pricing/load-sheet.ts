// Text of a price sheet → a PriceSheet, validated exactly the same way whether it is a user's file
// or one of the bundled sheets precompiled at build time. Pure: the caller reads the file.
import type * as z from 'zod/mini';
import { parseFigure, range, type Figure } from '../money/figure.js';
import { InputError, type Problem } from '../errors.js';
import { fieldPath, locate, type ParsedYaml } from '../input/yaml-locate.js';
import { readYaml } from '../input/yaml-read.js';
import { explainZodIssues, hasTopLevelKeys, keysOfSchema, validateParsed } from '../input/zod-words.js';
import type { ConflictingFigure, Offering, Plan, PriceSheet, Rate, RateUnit, SheetRef, SourceInfo } from './model.js';
import { canonicalResolution } from './vocabulary.js';
import { sheetSchema, type SheetData } from './sheet-schema.js';

function figure(value: string | number): Figure {
  const f = parseFigure(value);
  if ('error' in f) throw new Error(`unchecked figure: ${f.error}`); // schema already refused it
  return f;
}

/** Vendor and date a path like pricing-data/runway/2026-06-01.yaml claims, if it has that shape. */
export function sheetPathClaims(file: string): { vendor: string; effective: string } | null {
  const m = /(?:^|[\\/])([a-z0-9-]+)[\\/](\d{4}-\d{2}-\d{2})\.ya?ml$/.exec(file);
  return m ? { vendor: m[1]!, effective: m[2]! } : null;
}

export interface SheetCheckOptions {
  /** whether a path like <vendor>/<YYYY-MM-DD>.yaml must agree with the sheet (default true) */
  checkPath?: boolean;
  /** today's date, YYYY-MM-DD: a sheet verified after it is refused (the caller's clock; no check without it) */
  today?: string;
}

export function parseSheet(text: string, file: string, options: SheetCheckOptions = {}): PriceSheet {
  const parsed = readYaml(text, file);
  return sheetFromData(parsed.data, parsed, options);
}

export function sheetFromData(data: unknown, parsed: ParsedYaml | null, options: SheetCheckOptions = {}): PriceSheet {
  const file = parsed?.file ?? '<data>';
  let sheet: SheetData;
  if (parsed) {
    // every problem of the file at once: values the YAML refused and the schema's
    sheet = validateParsed(parsed, sheetSchema(), {
      knownKeys: (p) => keysOfSchema(sheetSchema(), p),
      wrongKind: (d) =>
        hasTopLevelKeys(d, ['workloads']) && !hasTopLevelKeys(d, ['vendor'])
          ? 'this is a scenario (it has workloads:), not a price sheet; price it with vidcost estimate'
          : undefined,
    });
  } else {
    const result = sheetSchema().safeParse(data);
    if (!result.success) {
      throw new InputError(
        explainZodIssues(data, result.error.issues, { knownKeys: (p) => keysOfSchema(sheetSchema(), p) }).map((e) => ({
          file,
          line: null,
          column: null,
          field: fieldPath(e.path),
          message: e.message,
          ...(e.suggestion ? { suggestion: e.suggestion } : {}),
        })),
      );
    }
    sheet = result.data;
  }
  const problems = crossCheck(sheet, file, options.checkPath ?? true, options.today);
  if (problems.length > 0) {
    if (parsed) {
      for (const p of problems) Object.assign(p, locate(parsed, pathOf(p.field)));
    }
    throw new InputError(problems);
  }
  return build(sheet, file);
}

function pathOf(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function crossCheck(sheet: SheetData, file: string, checkPath: boolean, today: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ file, line: null, column: null, field, message });
  const claims = checkPath ? sheetPathClaims(file) : null;
  if (claims && claims.vendor !== sheet.vendor) add('vendor', `the sheet says vendor "${sheet.vendor}" but sits in the folder "${claims.vendor}"`);
  if (claims && claims.effective !== sheet.effective)
    add('effective', `the sheet says effective ${sheet.effective} but its file name says ${claims.effective}`);
  // own names only: `in` would also find toString, constructor and the rest of Object.prototype
  const knownSource = (ref: string | undefined) => ref === undefined || Object.hasOwn(sheet.sources, ref) || /^https?:\/\//.test(ref);
  const checkRef = (field: string, ref: string | undefined) => {
    if (!knownSource(ref)) add(field, `source "${ref}" is neither a URL nor a name under sources (${Object.keys(sheet.sources).join(', ')})`);
  };
  // a date in the future would keep the stale-price warning from ever firing
  const checkVerified = (field: string, date: string | undefined) => {
    if (today !== undefined && date !== undefined && date > today)
      add(field, `verified ${date} is after today (${today}): prices can only have been checked on a past date`);
  };
  checkVerified('verified', sheet.verified);
  sheet.offerings.forEach((o, i) => o.rates.forEach((r, j) => checkVerified(`offerings[${i}].rates[${j}].verified`, r.verified)));
  sheet.plans.forEach((p, i) => checkVerified(`plans[${i}].verified`, p.verified));
  checkRef('source', sheet.source);
  for (const [name, entry] of Object.entries(sheet.sources)) {
    if (typeof entry === 'object' && entry.read !== undefined && entry.read > sheet.verified)
      add(`sources.${name}.read`, `read ${entry.read}, after the sheet's verified date ${sheet.verified}`);
    if (typeof entry === 'object' && entry.dated !== 'undated' && entry.read !== undefined && entry.dated > entry.read)
      add(`sources.${name}.dated`, `dated ${entry.dated}, after it was read (${entry.read})`);
  }
  checkRef('api_usd_per_credit_source', sheet.api_usd_per_credit_source);
  const ids = new Set<string>();
  sheet.offerings.forEach((o, i) => {
    if (!o.id.startsWith(`${sheet.vendor}/`)) add(`offerings[${i}].id`, `offering "${o.id}" must start with "${sheet.vendor}/", the sheet's vendor`);
    if (ids.has(o.id)) add(`offerings[${i}].id`, `offering "${o.id}" appears twice`);
    for (const c of o.serves_only)
      if (!o.capabilities.includes(c))
        add(`offerings[${i}].serves_only`, `serves_only names ${c}, which is not among the offering's capabilities (${o.capabilities.join(', ') || 'none'})`);
    ids.add(o.id);
    checkRef(`offerings[${i}].sunset_source`, o.sunset_source);
    checkRef(`offerings[${i}].batch.source`, o.batch?.source);
    o.rates.forEach((r, j) => {
      checkRef(`offerings[${i}].rates[${j}].source`, r.source);
      r.conflict?.forEach((c, k) => checkRef(`offerings[${i}].rates[${j}].conflict[${k}].source`, c.source));
      r.external.forEach((e, k) => {
        const at = `offerings[${i}].rates[${j}].external[${k}]`;
        if (e.source === 'portkey' && (e.provider === undefined || e.unit === undefined))
          add(at, 'a Portkey entry needs provider (its file: openai for pricing/openai.json) and unit (e.g. video_duration_seconds_1920_1080)');
        if (e.source === 'litellm' && (e.provider !== undefined || e.unit !== undefined)) add(at, 'a LiteLLM entry takes key and field, not provider or unit');
        if (e.batch && !o.batch) add(`${at}.batch`, `offering "${o.id}" has no batch tier to compare`);
      });
      const channel = r.channel;
      if (channel && !o.channels.includes(channel))
        add(`offerings[${i}].rates[${j}].channel`, `channel ${channel} is not among the offering's channels (${o.channels.join(', ')})`);
    });
  });
  const planNames = new Set<string>();
  sheet.plans.forEach((p, i) => {
    checkRef(`plans[${i}].source`, p.source);
    if (planNames.has(p.name)) add(`plans[${i}].name`, `plan "${p.name}" appears twice`);
    planNames.add(p.name);
  });
  if (sheet.reference_plan !== undefined && !planNames.has(sheet.reference_plan)) {
    add('reference_plan', `no plan named "${sheet.reference_plan}" in this sheet`);
  }
  return problems;
}

function build(sheet: SheetData, file: string): PriceSheet {
  const urls: Record<string, string> = {};
  const sourceInfo: SourceInfo[] = Object.entries(sheet.sources).map(([name, entry]) => {
    const info: SourceInfo =
      typeof entry === 'string'
        ? { name, url: entry, read: sheet.verified, dated: null, note: null }
        : { name, url: entry.url, read: entry.read ?? sheet.verified, dated: entry.dated === 'undated' ? null : entry.dated, note: entry.note ?? null };
    urls[name] = info.url;
    return info;
  });
  const url = (ref: string | undefined) => {
    const r = ref ?? sheet.source;
    return Object.hasOwn(urls, r) ? urls[r]! : r;
  };
  const ref: SheetRef = { vendor: sheet.vendor, effective: sheet.effective, verified: sheet.verified, file };
  const offerings: Offering[] = sheet.offerings.map((o) => {
    const provenance = o.provenance ?? sheet.provenance;
    // A rate that names no channel applies on every channel the offering is sold on.
    const rates: Rate[] = o.rates.flatMap((r) =>
      (r.channel ? [r.channel] : o.channels).map((channel) => ({
        channel,
        resolution: r.resolution === undefined ? null : canonicalResolution(r.resolution),
        audio: r.audio ?? o.audio,
        hdr: r.hdr ?? false,
        exr: r.exr ?? false,
        unit: unitOf(r),
        source: url(r.source),
        verified: r.verified ?? sheet.verified,
        provenance: r.provenance ?? provenance,
        note: r.note ?? conflictNote(r.conflict) ?? null,
        conflict: r.conflict ? r.conflict.map((c): ConflictingFigure => ({ usdPerSecond: figure(c.usd_per_second), source: url(c.source) })) : null,
        external: r.external.map((e) => ({
          source: e.source,
          key: e.key,
          field: e.field ?? null,
          provider: e.provider ?? null,
          unit: e.unit ?? null,
          batch: e.batch,
        })),
      })),
    );
    return {
      id: o.id,
      vendor: sheet.vendor,
      name: o.name,
      channels: o.channels,
      capabilities: o.capabilities,
      sunset: o.sunset ?? null,
      sunsetSource: o.sunset ? url(o.sunset_source) : null,
      apiThrough: o.api_through,
      billsFailed: o.bills_failed,
      servesOnly: o.serves_only,
      batch: o.batch ? { factor: figure(o.batch.factor), latency: o.batch.latency, source: url(o.batch.source) } : null,
      rates,
      note: o.note ?? null,
      source: url(undefined),
      verified: sheet.verified,
      provenance,
      sheet: ref,
    };
  });
  const plans: Plan[] = sheet.plans.map((p) => ({
    vendor: sheet.vendor,
    name: p.name,
    usdPerMonth: figure(p.usd_per_month),
    creditsPerMonth: figure(p.credits_per_month),
    maxResolution: p.max_resolution === undefined ? null : canonicalResolution(p.max_resolution),
    watermark: p.watermark,
    commercialUse: p.commercial_use,
    note: p.note ?? null,
    source: url(p.source),
    verified: p.verified ?? sheet.verified,
    provenance: p.provenance ?? sheet.provenance,
    sheet: ref,
  }));
  return {
    vendor: sheet.vendor,
    effective: sheet.effective,
    verified: sheet.verified,
    provenance: sheet.provenance,
    file,
    sources: urls,
    sourceInfo,
    apiUsdPerCredit:
      sheet.api_usd_per_credit === undefined
        ? null
        : { value: figure(sheet.api_usd_per_credit), source: url(sheet.api_usd_per_credit_source), verified: sheet.verified, provenance: sheet.provenance },
    referencePlan: sheet.reference_plan ?? null,
    offerings,
    plans,
    notes: sheet.notes,
  };
}

type RateData = SheetData['offerings'][number]['rates'][number];

/** "sources disagree: portkey-vertex $0.20/s, litellm-vertex $0.40/s" */
function conflictNote(conflict: RateData['conflict']): string | undefined {
  if (!conflict) return undefined;
  return `sources disagree: ${conflict.map((c) => `${c.source} ${typeof c.usd_per_second === 'number' ? c.usd_per_second : c.usd_per_second} USD/s`).join(', ')}; priced as the range they span`;
}

/**
 * The span of the figures of sources that disagree: from the lowest low to the highest high (a
 * lower bound when one of them has no upper end), approximate when any of them is.
 */
function conflictSpan(conflict: NonNullable<RateData['conflict']>): Figure {
  const figures = conflict.map((c) => figure(c.usd_per_second));
  let low = figures[0]!.low!;
  let high = figures[0]!.high;
  for (const f of figures) {
    if (f.low === null) return f; // an unknown figure among them: the span is unknown
    if (f.low.lt(low)) low = f.low;
    if (high !== null && (f.high === null || f.high.gt(high))) high = f.high;
  }
  const approx = figures.some((f) => f.approx);
  return high === null ? { low, high: null, approx } : range(low, high, approx);
}

function unitOf(r: RateData): RateUnit {
  if (r.conflict !== undefined) return { kind: 'usd_per_second', usd: conflictSpan(r.conflict) };
  if (r.usd_per_second !== undefined) return { kind: 'usd_per_second', usd: figure(r.usd_per_second) };
  if (r.credits_per_second !== undefined) return { kind: 'credits_per_second', credits: figure(r.credits_per_second) };
  if (r.credits_per_clip !== undefined)
    return { kind: 'credits_per_clip', credits: figure(r.credits_per_clip), clipSeconds: figure(r.clip_seconds!), perClips: r.per_clips ?? 1 };
  if (r.usd_per_clip !== undefined)
    return { kind: 'usd_per_clip', usd: figure(r.usd_per_clip), clipSeconds: figure(r.clip_seconds!), perClips: r.per_clips ?? 1 };
  return { kind: 'gpu', usdPerGpuHour: figure(r.usd_per_gpu_hour!), gpuSecondsPerOutputSecond: figure(r.gpu_seconds_per_output_second!) };
}

export type { z };
