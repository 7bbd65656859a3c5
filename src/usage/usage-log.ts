// One row of a usage log (JSON Lines, or CSV with a header row) checked and turned into a UsageRow.
// Pure: text in, a row or problems out. The CLI streams the file and hands over one line at a time,
// so nothing here ever holds more than one row.
import { editDistance, type Problem } from '../errors.js';
import { canonicalResolution, RESOLUTION_WORDS, type Resolution } from '../pricing/vocabulary.js';

export const USAGE_STATUSES = ['succeeded', 'failed', 'canceled'] as const;
export type UsageStatus = (typeof USAGE_STATUSES)[number];

/** A generation request as the engine reads it (from a usage log, or a FOCUS billing row). */
export interface UsageRow {
  /** the request's time, milliseconds since the epoch (UTC) */
  time: number;
  offering: string;
  /** output seconds, a non-negative decimal literal ("8", "5.5") */
  seconds: string;
  resolution: Resolution;
  audio: boolean;
  hdr: boolean;
  batch: boolean;
  status: UsageStatus;
  /** null for a FOCUS billing row, which sums many requests */
  job: string | null;
  kept: boolean;
  workload: string | null;
  /** the charge the vendor reported, a non-negative decimal literal; null when not given */
  usd: string | null;
  /** 'focus': a billing-export row (BilledCost over ConsumedQuantity seconds), not one request */
  source: 'log' | 'focus';
}

export const USAGE_FIELDS = ['time', 'offering', 'seconds', 'resolution', 'audio', 'hdr', 'batch', 'status', 'job', 'kept', 'workload', 'usd'] as const;
export const REQUIRED_USAGE_FIELDS = ['time', 'offering', 'seconds', 'status', 'job'] as const;

/** Where a row was read: the file (as shown to the user) and its line. */
export interface RowPlace {
  file: string;
  line: number;
}

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;
// 2026-11-03T14:05:09.123Z, 2026-11-03T14:05:09+01:00, 2026-11-03T14:05Z (seconds optional)
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const RESOLUTION_SET = new Set<string>(RESOLUTION_WORDS);
const STATUS_SET = new Set<string>(USAGE_STATUSES);
/** Largest seconds or charge one request can have: past it a value is a unit mistake (ms for s) or garbage. */
const MAX_AMOUNT = 10_000_000;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * ISO 8601 time with `Z` or an offset → milliseconds since the epoch; null when it is not one, or
 * names a day or hour that does not exist (2026-02-30, 25:00).
 */
export function parseUsageTime(text: string): number | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonthOf(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    const offset = (oh * 60 + om) * 60_000;
    t += m[9] === '+' ? -offset : offset;
  }
  return t;
}

export function daysInMonthOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Collects a row's problems; stops keeping them past `keep` but still counts them. */
export interface ProblemSink {
  add(problem: Problem): void;
}

type Raw = unknown;

function describe(value: Raw): string {
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}...` : value}"`;
  return JSON.stringify(value) ?? String(value);
}

/**
 * Checks one row given as field → value (JSON values, or CSV text) and returns the UsageRow, or
 * null after telling the sink each problem. `columnOf` gives a field's column (CSV), else 1.
 */
export function usageRowOf(get: (field: string) => Raw, place: RowPlace, sink: ProblemSink, columnOf: (field: string) => number = () => 1): UsageRow | null {
  let ok = true;
  const bad = (field: string, message: string, suggestion?: string) => {
    ok = false;
    sink.add({ file: place.file, line: place.line, column: columnOf(field), field, message, ...(suggestion ? { suggestion } : {}) });
  };
  const text = (field: string, required: boolean): string | null => {
    const v = get(field);
    if (v === undefined || v === null || v === '') {
      if (required) bad(field, `missing: every row needs ${field}`);
      return null;
    }
    if (typeof v === 'number' && (field === 'job' || field === 'workload')) return String(v);
    if (typeof v !== 'string') {
      bad(field, `expected text, found ${describe(v)}`);
      return null;
    }
    if (CONTROL.test(v)) {
      // a name is shown in reports: an escape sequence must not reach a terminal
      bad(field, `holds a control character (${JSON.stringify(v.match(CONTROL)![0])})`);
      return null;
    }
    return v;
  };
  const flag = (field: string): boolean => {
    const v = get(field);
    if (v === undefined || v === null || v === '') return false;
    if (v === true || v === 'true' || v === 'TRUE' || v === 'True') return true;
    if (v === false || v === 'false' || v === 'FALSE' || v === 'False') return false;
    bad(field, `expected true or false, found ${describe(v)}`);
    return false;
  };
  const amount = (field: string, required: boolean, what: string): string | null => {
    const v = get(field);
    if (v === undefined || v === null || v === '') {
      if (required) bad(field, `missing: every row needs ${field} (${what})`);
      return null;
    }
    const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : null;
    if (s !== null && Number(s) > MAX_AMOUNT) {
      bad(field, `is more than ${MAX_AMOUNT.toLocaleString('en-US')}: not one request's ${field === 'usd' ? 'charge' : 'seconds'}, found ${s}`);
      return null;
    }
    if (s !== null && NUMBER.test(s)) return s;
    if (s !== null && /^[+-]?\d*\.?\d+(e[+-]?\d+)?$/i.test(s) && Number(s) >= 0 && Number.isFinite(Number(s)) && typeof v === 'number') {
      // a JSON number in exponent form (1e-7): its shortest round-trip digits, written out
      return Number(s).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
    }
    if (s !== null && /^-/.test(s) && Number.isFinite(Number(s))) bad(field, `must not be negative, found ${s}`);
    else bad(field, `expected a non-negative number (${what}), found ${describe(v)}`);
    return null;
  };

  const timeText = text('time', true);
  let time = 0;
  if (timeText !== null) {
    const t = parseUsageTime(timeText);
    if (t === null) bad('time', `expected an ISO 8601 time with Z or an offset (2026-11-03T14:05:09Z), found ${describe(timeText)}`);
    else time = t;
  }
  const offering = text('offering', true);
  const seconds = amount('seconds', true, 'output seconds requested');
  const resText = text('resolution', false);
  let resolution: Resolution = '1080p';
  if (resText !== null) {
    if (RESOLUTION_SET.has(resText)) resolution = canonicalResolution(resText);
    else bad('resolution', `expected one of ${[...RESOLUTION_WORDS].join(', ')}, found ${describe(resText)}`, closest(resText, RESOLUTION_WORDS));
  }
  const audio = flag('audio');
  const hdr = flag('hdr');
  const batch = flag('batch');
  const statusText = text('status', true);
  let status: UsageStatus = 'succeeded';
  if (statusText !== null) {
    if (STATUS_SET.has(statusText)) status = statusText as UsageStatus;
    else bad('status', `expected succeeded, failed or canceled, found ${describe(statusText)}`, closest(statusText, USAGE_STATUSES));
  }
  const job = text('job', true);
  const kept = flag('kept');
  if (kept && statusText !== null && status !== 'succeeded') bad('kept', `a ${status} request cannot be the generation kept for its job`);
  const workload = text('workload', false);
  const usd = amount('usd', false, 'the charge the vendor reported, in USD');
  if (!ok || offering === null || seconds === null || job === null) return null;
  return { time, offering, seconds, resolution, audio, hdr, batch, status, job, kept, workload, usd, source: 'log' };
}

function closest(input: string, words: readonly string[]): string | undefined {
  let best: string | undefined;
  let score = Infinity;
  for (const w of words) {
    const d = editDistance(input.toLowerCase(), w);
    if (d < score) [best, score] = [w, d];
  }
  return score <= 2 ? best : undefined;
}

/**
 * Keys of a JSON row that are neither usage fields nor far from one: a misspelt optional field
 * ("kep") would otherwise be ignored and its default used. Other extra keys (request ids,
 * latencies an adapter logs too) are allowed.
 */
export function misspeltFields(keys: Iterable<string>): { key: string; field: string }[] {
  const out: { key: string; field: string }[] = [];
  for (const key of keys) {
    if ((USAGE_FIELDS as readonly string[]).includes(key) || key.length > 40) continue;
    for (const f of USAGE_FIELDS) {
      if (editDistance(key.toLowerCase(), f) <= (f.length <= 4 ? 1 : 2)) {
        out.push({ key, field: f });
        break;
      }
    }
  }
  return out;
}

/** JSON Lines: one JSON object per line. */
export function usageRowFromJson(line: string, place: RowPlace, sink: ProblemSink): UsageRow | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    sink.add({
      file: place.file,
      line: place.line,
      column: 1,
      field: '',
      message: `not a JSON object (${error instanceof Error ? error.message : String(error)}): each line of a .jsonl usage log is one JSON object`,
    });
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    sink.add({
      file: place.file,
      line: place.line,
      column: 1,
      field: '',
      message: `expected a JSON object, found ${Array.isArray(value) ? 'an array' : describe(value)}`,
    });
    return null;
  }
  const obj = value as Record<string, unknown>;
  const row = usageRowOf((f) => (Object.hasOwn(obj, f) ? obj[f] : undefined), place, sink);
  // a misspelt key is looked for only when the row has keys beyond the known ones
  let known = 0;
  for (const f of USAGE_FIELDS) if (Object.hasOwn(obj, f)) known++;
  if (Object.keys(obj).length > known) {
    const typos = misspeltFields(Object.keys(obj));
    for (const t of typos) sink.add({ file: place.file, line: place.line, column: 1, field: t.key, message: `unknown field`, suggestion: t.field });
    if (typos.length > 0) return null;
  }
  return row;
}
