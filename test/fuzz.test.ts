// Fuzzing the CLI entry `run()` in-process with generated and mutated scenarios and price sheets.
// Seeds: a valid scenario, the bundled scenarios and the bundled price sheets. Mutations: delete
// keys, swap types, inject huge/negative/NaN/infinite numbers, random Unicode, prototype keys,
// truncation, duplicated lines (duplicate keys), random YAML syntax, names with line breaks, bidi
// overrides and zero-width characters, signed and comma numbers ("+500", "0,07"); and FIFOs, link
// loops and devices as inputs and --out targets. Every outcome must be exit 0
// with a report, exit 1 for a gate asked for, or exit 2 with a clean error: each stderr line starts
// "vidcost: " and names the mutated file; never exit 3, a thrown exception or a stack trace; and no
// report carries a raw escape, direction override, invisible character or (but in CSV) CR.
//
// `npm test` runs FUZZ_RUNS (default 500) mutated scenarios, as many mutated sheets and half as many
// generated scenarios: 1,250 inputs. `npm run fuzz` runs 200,000 (500,000 inputs).
// FUZZ_SEED reproduces a run.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, CHANNELS, RESOLUTIONS } from '../src/pricing/vocabulary.js';
import { FIXTURES, ROOT, tempDir, vidcostInProcess, type CliResult } from './helpers.js';

const RUNS = 2 * Math.round(Number(process.env['FUZZ_RUNS'] ?? 500) / 2);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
// a generous allowance per input, with room for a loaded machine: a time limit, not a measurement
const TIMEOUT = Math.max(60_000, RUNS * 40);

// ---------- seeds ----------

const scenarioSeeds = [
  join(FIXTURES, 'hostile', 'valid.yaml'),
  ...readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'scenarios', f)),
].map((file) => readFileSync(file, 'utf8'));

const sheetSeeds = readdirSync(join(ROOT, 'pricing-data')).flatMap((vendor) =>
  readdirSync(join(ROOT, 'pricing-data', vendor))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ vendor, file: f, text: readFileSync(join(ROOT, 'pricing-data', vendor, f), 'utf8') })),
);

// ---------- mutations ----------

const FIELD_NAMES = [
  'version',
  'name',
  'as_of',
  'channel',
  'offerings',
  'budget',
  'monthly_ceiling_usd',
  'max_regenerations_per_job',
  'overrides',
  'usd_per_credit',
  'discount_pct',
  'workloads',
  'clips_per_month',
  'seconds_per_clip',
  'resolution',
  'regeneration_factor',
  'audio',
  'hdr',
  'batch',
  'requires',
  'low',
  'likely',
  'high',
  'shape',
  'vendor',
  'effective',
  'verified',
  'provenance',
  'sources',
  'source',
  'api_usd_per_credit',
  'reference_plan',
  'id',
  'channels',
  'capabilities',
  'sunset',
  'rates',
  'usd_per_second',
  'credits_per_second',
  'credits_per_clip',
  'usd_per_clip',
  'clip_seconds',
  'per_clips',
  'usd_per_gpu_hour',
  'gpu_seconds_per_output_second',
  'plans',
  'usd_per_month',
  'credits_per_month',
  'max_resolution',
  'note',
  'api_through',
];
const WORDS = [
  ...RESOLUTIONS,
  ...CAPABILITIES,
  ...CHANNELS,
  'toString',
  'constructor',
  '__proto__',
  'valueOf',
  'page',
  'pricing',
  'Standard',
  'Pro',
  'runway/gen4-turbo',
  'fal/kling-3.0-pro',
  'luma/ray3',
  'openai/sora-2',
  'luma',
  'runway',
  'unknown',
  '~12',
  'from ~0.32',
  '~0.07-0.14',
  '0.01',
  '2026-06-01',
  '2026-09-24',
  '1999-01-01',
  '2026-02-30',
  'first-party',
  'secondary',
  'https://example.com',
  'triangular',
  'pert',
  'Standard',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Names that try to act: line breaks before a formula or a forged line, direction overrides, invisible characters, pings. */
const HOSTILE_NAMES = [
  "drafts\r=cmd|' /C calc'!A0",
  'x\r\nCheapest route: $1.00',
  'a\n@SUM(1)',
  'team\u202Eevil',
  '\u2066x\u2069',
  'dra\u200Bfts',
  'a\u200Db\u2060',
  '@everyone #123',
  '\u001b[31mred',
];
/** Numbers as people type them: signed, grouped, and decimal commas (refused, never misread). */
const NUMBER_TEXTS = ['+500', '+0.07', '+1', '0,07', '1,5', '1,120', '12,000.5', '1_000', '+.5', '0,070', '1,2345'];

const hostileNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    0,
    -0,
    -1,
    1e300,
    -1e300,
    1e-300,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    0.1 + 0.2,
    1e21,
    1e9,
    1e12,
    3600,
    100_000,
    1000,
    1,
  ),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 2_000_000_000 }),
  fc.double({ min: 0, max: 10_000, noNaN: true }),
);

const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u202e', '\ufeff', '\u0000', 'é', '日本', '🎬', '\\', '"', "'", '\n', '=cmd|', '<script>', '| x |', ...HOSTILE_NAMES),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(hostileNumber, unicode, fc.constantFrom(...WORDS), fc.boolean(), fc.constant(null));

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES, ...PROTO_KEYS), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.record({ low: hostileNumber, likely: hostileNumber, high: hostileNumber }) },
);

const anyKey = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...PROTO_KEYS), unicode);

type DataMutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'swap-type'; pick: number }
  | { kind: 'duplicate-item'; pick: number };

type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'duplicate-line'; pick: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'indent-line'; pick: number; by: number }
  | { kind: 'number-text'; pick: number; text: string };

const pick = fc.nat({ max: 1_000_000 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const dataMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick }),
  fc.record({ kind: fc.constant('set' as const), pick, value: hostileValue }),
  fc.record({ kind: fc.constant('add' as const), pick, key: anyKey, value: hostileValue }),
  fc.record({ kind: fc.constant('swap-type' as const), pick }),
  fc.record({ kind: fc.constant('duplicate-item' as const), pick }),
);

const yamlSyntax = fc.constantFrom(
  '[',
  ']',
  '{',
  '}',
  ':',
  ': ',
  '- ',
  '&a ',
  '*a',
  '*b ',
  '!!js/function ',
  '!x ',
  '!!binary ',
  '|',
  '>',
  '"',
  "'",
  '#',
  '\t',
  '\n',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '? ',
  ',',
  '<<: *a\n',
  '\r\n',
  '\ufeff',
  '@',
  '`',
  '%',
  '&anchor [1, *anchor]',
  'x: &a [*a]\n',
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  '1e400',
  '!!float ',
  '!!int ',
  '!!str ',
  '~',
  'null',
  'True',
  'yes',
  '__proto__: {a: 1}\n',
);

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(yamlSyntax, yamlSyntax, unicode) }),
  fc.record({ kind: fc.constant('delete-range' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), pick }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: pick, b: pick }),
  fc.record({ kind: fc.constant('indent-line' as const), pick, by: fc.integer({ min: -4, max: 4 }) }),
  // a number of the text rewritten as a person might type it ("+500", "0,07"), quoted or not
  fc.record({
    kind: fc.constant('number-text' as const),
    pick,
    text: fc.oneof(
      fc.constantFrom(...NUMBER_TEXTS),
      fc.constantFrom(...NUMBER_TEXTS).map((t) => `"${t}"`),
    ),
  }),
);

type Path = (string | number)[];

/** Every path to a value in the data, the root included. */
function pathsOf(data: unknown): Path[] {
  const out: Path[] = [[]];
  const stack: { value: unknown; path: Path }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => (out.push([...path, i]), stack.push({ value: v, path: [...path, i] })));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) out.push([...path, k]), stack.push({ value: v, path: [...path, k] });
  }
  return out;
}

function parentOf(data: unknown, path: Path): unknown {
  let cur = data;
  for (const part of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[part];
  return cur;
}

/** Sets an own property, even "__proto__" (never the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function swapType(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : [value];
  if (typeof value === 'boolean') return value ? 'yes' : 0;
  if (Array.isArray(value)) return value.length > 0 ? value[0] : {};
  if (value !== null && typeof value === 'object') return Object.values(value);
  return 'null';
}

function applyData(data: unknown, m: DataMutation): unknown {
  const paths = pathsOf(data);
  const path = paths[m.pick % paths.length]!;
  if (path.length === 0) {
    if (m.kind === 'set') return m.value;
    if (m.kind === 'swap-type') return swapType(data);
    if (m.kind === 'add' && data !== null && typeof data === 'object' && !Array.isArray(data)) setOwn(data as Record<string, unknown>, m.key, m.value);
    return data;
  }
  const parent = parentOf(data, path) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1]!;
  const current = (parent as Record<string | number, unknown>)[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
      break;
    case 'set':
      if (Array.isArray(parent)) parent[Number(key)] = m.value;
      else setOwn(parent as Record<string, unknown>, String(key), m.value);
      break;
    case 'add':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) setOwn(current as Record<string, unknown>, m.key, m.value);
      else if (Array.isArray(current)) current.push(m.value);
      break;
    case 'swap-type':
      if (Array.isArray(parent)) parent[Number(key)] = swapType(current);
      else setOwn(parent as Record<string, unknown>, String(key), swapType(current));
      break;
    case 'duplicate-item':
      if (Array.isArray(parent)) parent.push(structuredClone(current));
      break;
  }
  return data;
}

function applyText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const at = (f: number) => Math.floor(f * text.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete-range':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'duplicate-line': {
      const i = m.pick % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent-line': {
      const i = m.pick % lines.length;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.slice(-m.by);
      return lines.join('\n');
    }
    case 'number-text': {
      const numbers = [...text.matchAll(/(?<=: )\d+(\.\d+)?\b/g)];
      if (numbers.length === 0) return text;
      const n = numbers[m.pick % numbers.length]!;
      return text.slice(0, n.index) + m.text + text.slice(n.index + n[0].length);
    }
  }
}

interface Plan {
  seed: number;
  data: DataMutation[];
  text: TextMutation[];
  /** how to write it back: the yaml library's layout, or the seed's own text for text-only mutations */
  restringify: boolean;
}

const plan = (seeds: number): fc.Arbitrary<Plan> =>
  fc.record({
    seed: fc.nat({ max: seeds - 1 }),
    data: fc.array(dataMutation, { maxLength: 4 }),
    // text mutations mostly break the YAML itself; half of the inputs get none, so that the data
    // mutations reach the schema, the catalog checks, the engine and the renderers
    text: fc.oneof(fc.constant<TextMutation[]>([]), fc.array(textMutation, { minLength: 1, maxLength: 3 })),
    restringify: fc.boolean(),
  });

function mutate(seedText: string, p: Plan): string {
  let text = seedText;
  if (p.data.length > 0 || p.restringify) {
    let data: unknown = parse(seedText);
    for (const m of p.data) data = applyData(data, m);
    text = stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
  }
  for (const m of p.text) text = applyText(text, m);
  return text;
}

// ---------- generated scenarios ----------

/** Offering ids in the bundled sheets, read the way the fuzz reads them (a line "  - id: x" or "{ id: x"). */
const OFFERING_IDS = [...new Set(sheetSeeds.flatMap((s) => [...s.text.matchAll(/\bid: ([a-z0-9-]+\/[a-z0-9._-]+)/g)].map((m) => m[1]!)))];
const VENDORS = sheetSeeds.map((s) => s.vendor);

/** Mostly a valid value, now and then a hostile one: so that a good share of inputs pass the schema. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>) => fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: hostile });

/** A number in [min, max] (valid for its field, extremes included), now and then a hostile one. */
const inRange = (min: number, max: number) =>
  mostly(
    fc.oneof(fc.double({ min, max, noNaN: true }), fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1000)) }), fc.constantFrom(min, max)),
    hostileNumber,
  );
/** A field that takes a number or a three-point estimate in [min, max]. */
const maybeThreePoint = (min: number, max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: inRange(min, max) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(inRange(min, max), inRange(min, max), inRange(min, max), mostly(fc.constantFrom('pert', 'triangular'), fc.constant('normal')))
        .map(([a, b, c, shape]) => {
          const [low, likely, high] = [a, b, c].sort((x, y) => (typeof x === 'number' && typeof y === 'number' ? x - y : 0));
          return { low, likely, high, shape };
        }),
    },
  );
const date = mostly(
  fc.oneof(
    fc.constantFrom('2026-06-01', '2026-09-24', '2026-09-25', '2030-01-01'),
    fc.date({ min: new Date('2026-06-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  ),
  fc.constantFrom('2026-02-30', 'today', '2026-6-1', '1999-12-31'),
);
const figureText = mostly(
  fc.oneof(inRange(0.0001, 1000), fc.constantFrom('~0.004', 'from ~0.003', '~0.002-0.005', 'unknown', '0.0033', '+0.004', '~1,120')),
  fc.constantFrom('-1', 'free', '~0.005-0.002', '0,004', '~0,002-0,005'),
);

const generatedWorkload = fc.record(
  {
    name: mostly(
      fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        fc.constantFrom('drafts', 'hero', '__proto__', 'constructor', '=HYPERLINK("x")', '| x | <b>', ...HOSTILE_NAMES),
      ),
      unicode,
    ),
    clips_per_month: maybeThreePoint(0, 1e9),
    seconds_per_clip: maybeThreePoint(0.001, 3600),
    resolution: mostly(fc.constantFrom(...RESOLUTIONS), fc.constantFrom('1800p', '4k')),
    regeneration_factor: maybeThreePoint(1, 1000),
    audio: fc.boolean(),
    hdr: fc.boolean(),
    batch: fc.boolean(),
    requires: mostly(fc.subarray([...CAPABILITIES], { maxLength: 2 }), fc.constant(['teleport'])),
  },
  { requiredKeys: ['name', 'clips_per_month', 'seconds_per_clip'] },
);

/** Scenarios built field by field, each value mostly valid and now and then hostile: they reach the engine and the renderers far more often than mutations do. */
const generatedScenario = fc.record(
  {
    version: mostly(fc.constant(1), fc.constant(2)),
    name: mostly(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), unicode),
    as_of: date,
    channel: mostly(fc.constantFrom('api', 'web-app'), fc.constant('webapp')),
    offerings: mostly(fc.subarray(OFFERING_IDS, { minLength: 1, maxLength: 5 }), fc.constant(['runway/gen4turbo'])),
    budget: fc.record(
      { monthly_ceiling_usd: inRange(0, 1e12), max_regenerations_per_job: mostly(fc.integer({ min: 1, max: 1000 }), hostileNumber) },
      { requiredKeys: [] },
    ),
    overrides: fc.dictionary(
      mostly(fc.constantFrom(...VENDORS), fc.constant('lumaa')),
      fc.record({ usd_per_credit: figureText, discount_pct: inRange(0, 100), gpu_seconds_per_output_second: inRange(0.001, 100_000) }, { requiredKeys: [] }),
      { maxKeys: 3 },
    ),
    workloads: fc.array(generatedWorkload, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['version', 'name', 'workloads'] },
);

// ---------- outcomes ----------

const stats = { inputs: 0, scenarios: 0, sheets: 0, generated: 0, generatedOk: 0, exit: new Map<number, number>(), messages: new Map<string, number>() };

function record(r: CliResult): void {
  stats.inputs += 1;
  stats.exit.set(r.status, (stats.exit.get(r.status) ?? 0) + 1);
  for (const line of r.stderr.split('\n').filter(Boolean)) {
    // the kind of message, without file, place, field and quoted values
    const kind = line
      .replace(/^vidcost: [^:]*(:\d+:\d+)?: ([\w.[\]-]+: )?/, '')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, 'N')
      .slice(0, 60);
    stats.messages.set(kind, (stats.messages.get(kind) ?? 0) + 1);
  }
}

/** The documented outcomes; anything else fails the property with the input shown. */
function checkOutcome(r: CliResult, files: readonly string[], gate: boolean, input: string, csv: boolean): void {
  const context = `\n--- input ---\n${input.slice(0, 2000)}\n--- stderr ---\n${r.stderr.slice(0, 2000)}`;
  expect(r.status, `exit status${context}`).toBeOneOf(gate ? [0, 1, 2] : [0, 2]);
  expect(r.stderr, `stack trace${context}`).not.toMatch(/^\s+at |internal error|TypeError|RangeError|ReferenceError|Maximum call stack/m);
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line, `a stderr line not in vidcost's voice${context}`).toMatch(/^vidcost: /);
  if (r.status === 0) {
    expect(r.stdout.length, `exit 0 without a report${context}`).toBeGreaterThan(0);
    // a report never shows a JavaScript accident: NaN, Infinity, undefined, [object Object], a function
    for (const accident of ['NaN', 'Infinity', 'undefined', '[object Object]', '[native code]']) {
      if (!input.includes(accident))
        expect(r.stdout.includes(accident), `the report shows ${accident}${context}\n--- stdout ---\n${r.stdout.slice(0, 3000)}`).toBe(false);
    }
  }
  // names are shown, never obeyed: no escape sequence, direction override or invisible character
  // reaches the output raw in any format, and no line break but CSV's quoted ones
  expect(r.stdout, `a raw control, direction or invisible character${context}`).not.toMatch(/[\u001b\u009b\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
  expect(r.stderr, `a raw control, direction or invisible character on stderr${context}`).not.toMatch(
    /[\r\u001b\u009b\u202a-\u202e\u2066-\u2069\u200b-\u200f]/,
  );
  if (!csv) expect(r.stdout, `a raw carriage return${context}`).not.toMatch(/\r/);
  if (r.status === 1) expect(r.stderr, context).toMatch(/^vidcost: gate failed: /m);
  if (r.status === 2) {
    expect(r.stdout, `exit 2 with a report${context}`).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.length, `exit 2 without a message${context}`).toBeGreaterThan(0);
    for (const line of lines) {
      const named = files.some((f) => line.startsWith(`vidcost: ${f}`)) || /^vidcost: \d+ of \d+ files? invalid$/.test(line);
      expect(named, `a line that names no input file: ${JSON.stringify(line)}${context}`).toBe(true);
    }
  }
}

async function runCase(argv: string[], cwd: string, files: readonly string[], gate: boolean, input: string): Promise<void> {
  let r: CliResult;
  try {
    r = await vidcostInProcess(argv, { cwd, today: '2026-12-01' });
  } catch (error) {
    throw new Error(`run() threw ${String(error)}\n--- input ---\n${input.slice(0, 2000)}`);
  }
  record(r);
  checkOutcome(r, files, gate, input, argv.includes('csv'));
}

// ---------- the fuzz runs ----------

const work = tempDir();

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const exits = [...stats.exit.entries()].sort((a, b) => a[0] - b[0]).map(([code, n]) => `exit ${code}: ${n}`);
  const top = [...stats.messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    `fuzz: ${stats.inputs} inputs (${stats.scenarios} mutated scenarios, ${stats.sheets} mutated price sheets, ${stats.generated} generated scenarios, ${stats.generatedOk} of them priced), ${exits.join(', ')}; seed ${SEED ?? 'random'}\n` +
      `most frequent messages:\n${top.map(([m, n]) => `  ${String(n).padStart(6)}  ${m}`).join('\n')}`,
  );
});

describe('fuzz: the CLI entry on generated and mutated documents', () => {
  it(`mutated scenarios (${RUNS}): a report, a gate or a clean error naming the file`, { timeout: TIMEOUT }, async () => {
    const dir = join(work, 'scenario');
    mkdirSync(dir, { recursive: true });
    const variants = fc.constantFrom<string[]>(
      ['estimate', 's.yaml', '--as-of', '2026-06-01'],
      ['estimate', 's.yaml', '--as-of', '2026-06-01', '--format', 'json', '--fail-on-ceiling'],
      ['estimate', 's.yaml', '--format', 'json'],
      ['estimate', 's.yaml', '--as-of', '2026-06-01', '--format', 'markdown'],
      ['estimate', 's.yaml', '--as-of', '2026-06-01', '--format', 'csv'],
      ['estimate', 's.yaml', '--as-of', '2026-06-01', '--format', 'html'],
      ['validate', 's.yaml'],
      ['diff', '--base', join(ROOT, 'pricing-data'), '--scenario', 's.yaml', '--as-of', '2026-06-01', '--format', 'json'],
      ['forecast', 's.yaml', '--trials', '100', '--as-of', '2026-06-01', '--format', 'json'],
    );
    await fc.assert(
      fc.asyncProperty(plan(scenarioSeeds.length), variants, async (p, argv) => {
        const text = mutate(scenarioSeeds[p.seed]!, p);
        writeFileSync(join(dir, 's.yaml'), text);
        stats.scenarios += 1;
        await runCase(argv, dir, ['s.yaml'], argv.includes('--fail-on-ceiling') || argv.includes('--max-breach'), text);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it(`mutated price sheets (${RUNS}): rates, estimate, forecast, sweep, diff and validate end in a report or a clean error naming the sheet`, {
    timeout: TIMEOUT,
  }, async () => {
    const dir = join(work, 'sheet');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'any.yaml'),
      'version: 1\nname: Any offering\nworkloads:\n  - { name: drafts, clips_per_month: { low: 50, likely: 100, high: 400 }, seconds_per_clip: 8, resolution: 720p }\n  - { name: hero, clips_per_month: 5, seconds_per_clip: 10, audio: true }\n',
    );
    const variants = fc.constantFrom('rates', 'rates-all', 'estimate', 'estimate-json', 'validate', 'diff-files', 'diff-folders', 'forecast', 'sweep');
    await fc.assert(
      fc.asyncProperty(plan(sheetSeeds.length), variants, async (p, variant) => {
        const seed = sheetSeeds[p.seed]!;
        const text = mutate(seed.text, p);
        const pricing = join(dir, 'pricing');
        rmSync(pricing, { recursive: true, force: true });
        mkdirSync(join(pricing, seed.vendor), { recursive: true });
        const file = join('pricing', seed.vendor, seed.file);
        writeFileSync(join(dir, file), text);
        const argv = {
          rates: ['rates', '--pricing', 'pricing', '--as-of', '2026-06-01'],
          'rates-all': ['rates', '--pricing', 'pricing', '--as-of', '2026-06-01', '--all', '--explain', '--format', 'markdown'],
          estimate: ['estimate', 'any.yaml', '--pricing', 'pricing', '--as-of', '2026-06-01'],
          'estimate-json': ['estimate', 'any.yaml', '--pricing', 'pricing', '--as-of', '2026-06-01', '--format', 'json'],
          validate: ['validate', file],
          'diff-files': ['diff', join(ROOT, 'pricing-data', seed.vendor, seed.file), file, '--scenario', 'any.yaml', '--format', 'markdown'],
          'diff-folders': ['diff', '--base', join(ROOT, 'pricing-data'), '--pricing', 'pricing', '--as-of', '2026-06-01'],
          forecast: ['forecast', 'any.yaml', '--pricing', 'pricing', '--as-of', '2026-06-01', '--trials', '100', '--format', 'html'],
          sweep: [
            'sweep',
            'any.yaml',
            '--pricing',
            'pricing',
            '--as-of',
            '2026-06-01',
            '--workload',
            'drafts',
            '--vary',
            'clips_per_month=0..1000',
            '--steps',
            '5',
          ],
        }[variant]!;
        stats.sheets += 1;
        await runCase(argv, dir, [file], false, text);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it(`generated scenarios (${RUNS / 2}): extreme but well-formed values through estimate, forecast, sweep, diff and validate`, {
    timeout: TIMEOUT,
  }, async () => {
    const dir = join(work, 'generated');
    mkdirSync(dir, { recursive: true });
    const variants = fc.constantFrom<string[]>(
      ['estimate', 'g.yaml'],
      ['estimate', 'g.yaml', '--format', 'json', '--fail-on-ceiling'],
      ['estimate', 'g.yaml', '--format', 'csv'],
      ['estimate', 'g.yaml', '--format', 'markdown'],
      ['estimate', 'g.yaml', '--format', 'html'],
      ['validate', 'g.yaml'],
      ['diff', '--base', join(ROOT, 'pricing-data'), '--scenario', 'g.yaml', '--format', 'json', '--fail-on-ceiling'],
      ['forecast', 'g.yaml', '--trials', '100', '--format', 'csv'],
      ['forecast', 'g.yaml', '--trials', '50', '--format', 'html'],
      ['sweep', 'g.yaml', '--vary', 'clips_per_month=0..5000', '--steps', '5', '--format', 'json'],
      ['sweep', 'g.yaml', '--vary', 'seconds_per_clip=1..20', '--steps', '4'],
    );
    await fc.assert(
      fc.asyncProperty(generatedScenario, variants, async (scenario, variant) => {
        // sweep varies one workload's input: name the first (its name is whatever was generated)
        const first = (scenario.workloads[0] as { name?: unknown } | undefined)?.name;
        const argv = variant[0] === 'sweep' && typeof first === 'string' ? [...variant, '--workload', first] : variant;
        const reached = (stats.exit.get(0) ?? 0) + (stats.exit.get(1) ?? 0);
        const text = stringify(scenario, { lineWidth: 0 });
        writeFileSync(join(dir, 'g.yaml'), text);
        stats.generated += 1;
        await runCase(argv, dir, ['g.yaml'], argv.includes('--fail-on-ceiling') || argv.includes('--max-breach'), text);
        if ((stats.exit.get(0) ?? 0) + (stats.exit.get(1) ?? 0) > reached) stats.generatedOk += 1;
      }),
      { numRuns: RUNS / 2, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it('the mutations reach every kind of outcome (the fuzz test is not vacuous)', () => {
    expect(stats.inputs).toBe(2 * RUNS + RUNS / 2);
    expect(stats.exit.get(0) ?? 0).toBeGreaterThan(RUNS / 20);
    expect(stats.exit.get(2) ?? 0).toBeGreaterThan(RUNS / 5);
    expect(stats.exit.get(3) ?? 0).toBe(0);
  });
});

// ---------- special files: FIFOs, link loops, devices ----------

describe('fuzz: files that are not what they seem', () => {
  const SPECIAL_RUNS = Math.max(40, Math.round(RUNS / 10));
  const sheet = readFileSync(join(ROOT, 'pricing-data', 'runway', '2026-06-01.yaml'), 'utf8');
  const scenarioText =
    'version: 1\nname: Special\nas_of: 2026-06-01\nofferings: [runway/gen4-turbo]\nworkloads:\n  - { name: drafts, clips_per_month: 100, seconds_per_clip: 5 }\n';
  const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

  it(`FIFOs and link loops as inputs, devices, pipes and links as --out (${SPECIAL_RUNS}): answered at once, nothing replaced`, {
    timeout: TIMEOUT,
  }, async () => {
    const kinds = ['fifo-scenario', 'fifo-sheet', 'fifo-baseline', 'link-loops', 'out-fifo', 'out-link', 'out-device', 'out-dir-slash', 'out-empty'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('table', 'json', 'csv', 'markdown', 'html'),
        fc.boolean(),
        async (kind, loops, format, force) => {
          const dir = tempDir();
          mkdirSync(join(dir, 'pricing', 'runway'), { recursive: true });
          writeFileSync(join(dir, 'pricing', 'runway', '2026-06-01.yaml'), sheet);
          writeFileSync(join(dir, 's.yaml'), scenarioText);
          const base = ['estimate', 's.yaml', '--pricing', 'pricing', '--format', format];
          let argv = base;
          let target: string | null = null;
          switch (kind) {
            case 'fifo-scenario':
              rmSync(join(dir, 's.yaml'));
              mkfifo(join(dir, 's.yaml'));
              break;
            case 'fifo-sheet':
              mkfifo(join(dir, 'pricing', 'runway', '2026-07-01.yaml'));
              break;
            case 'fifo-baseline':
              mkfifo(join(dir, 'base.json'));
              argv = [...base, '--compare-to', 'base.json'];
              break;
            case 'link-loops':
              for (let i = 0; i < loops; i++) symlinkSync('.', join(dir, 'pricing', `l${i}`));
              symlinkSync('..', join(dir, 'pricing', 'runway', 'up'));
              break;
            case 'out-fifo':
              mkfifo((target = join(dir, 'out')));
              break;
            case 'out-link':
              writeFileSync(join(dir, 'real'), 'keep');
              symlinkSync('real', (target = join(dir, 'out')));
              break;
            case 'out-device':
              // a device of our own where root may make one; else none (a non-root run can replace no device)
              if (spawnSync('mknod', [join(dir, 'out'), 'c', '1', '3']).status !== 0) return;
              target = join(dir, 'out');
              break;
            case 'out-dir-slash':
              argv = [...base, '--out', 'newdir/'];
              break;
            case 'out-empty':
              argv = [...base, '--out', ''];
              break;
          }
          if (target !== null) argv = [...base, '--out', 'out', ...(force ? ['--force'] : [])];
          const before = target === null ? null : lstatSync(target);
          const r = await vidcostInProcess(argv, { cwd: dir, today: '2026-12-01' });
          const context = `${kind} ${argv.join(' ')}\n${r.stderr}`;
          if (kind === 'link-loops') {
            // the loops add nothing: the same report as the folder without them (unlink removes a
            // link itself; Node 24.0's rmSync refuses a link to a folder)
            unlinkSync(join(dir, 'pricing', 'runway', 'up'));
            for (let i = 0; i < loops; i++) unlinkSync(join(dir, 'pricing', `l${i}`));
            expect(r, context).toEqual(await vidcostInProcess(argv, { cwd: dir, today: '2026-12-01' }));
            expect(r.status, context).toBe(0);
          } else {
            expect(r.status, context).toBe(2);
            expect(r.stdout, context).toBe('');
            expect(r.stderr, context).toMatch(
              /^vidcost: \S*: (is not a regular file|is a (named pipe|device|symbolic link), not a regular file|names a folder|expected a file name)/,
            );
          }
          if (target !== null) {
            const after = lstatSync(target);
            expect([after.mode, after.ino, after.rdev], context).toEqual([before!.mode, before!.ino, before!.rdev]);
          }
          expect(
            readdirSync(dir).filter((f) => f.endsWith('.tmp')),
            context,
          ).toEqual([]);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: SPECIAL_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});
