// The zod-free check of valid scenarios (src/input/plain-shape.ts) may only ever say "valid" where
// zod's safeParse says valid, with the same output; everything else it must leave to zod. Checked
// here on generated scenarios, near-valid and broken ones, and on constructs it does not model.
// The CLI side (a valid scenario loads no zod, an invalid one does) is in startup.test.ts.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainValidate, type PlainShape } from '../src/input/plain-shape.js';
import { shapeOf } from '../src/input/shape-of.js';
import { scenarioSchema, scenarioShape } from '../src/scenario/schema.js';
import { FIXTURES, ROOT } from './helpers.js';

/** plainValidate against zod: when plain is sure, zod agrees to the byte. Returns whether plain was sure. */
function agrees(shape: PlainShape, schema: z.ZodType, input: unknown): boolean {
  const plain = plainValidate(shape, structuredClone(input));
  const real = schema.safeParse(structuredClone(input));
  if (plain === null) return false;
  expect(real.success, JSON.stringify(input)).toBe(true);
  expect(plain.data).toStrictEqual(real.data);
  // and in the same key order (reports list overrides and workloads as written)
  expect(JSON.stringify(plain.data)).toBe(JSON.stringify(real.data));
  return true;
}

const bundledScenarios = () =>
  [join(ROOT, 'scenarios'), join(FIXTURES, 'scenarios')].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ f, data: parseYaml(readFileSync(join(dir, f), 'utf8')) as unknown })));

describe('the scenario schema as a plain shape', () => {
  it('models the whole scenario schema: no part of it is left to zod', () => {
    expect(JSON.stringify(scenarioShape())).not.toContain('"zod"');
    expect(scenarioShape()).toStrictEqual(shapeOf(scenarioSchema()));
  });

  it('accepts every bundled scenario with exactly zod\'s output (defaults filled in)', () => {
    const valid = bundledScenarios().filter(({ data }) => scenarioSchema().safeParse(data).success);
    expect(valid.length).toBeGreaterThanOrEqual(8);
    for (const { f, data } of valid) expect(agrees(scenarioShape(), scenarioSchema(), data), f).toBe(true);
  });

  // Values that are mostly right for their field, now and then wrong in the ways files are.
  const odd = fc.constantFrom<unknown>(null, '', 'x', true, -1, 0, -0, 1.5, 1e13, Number.NaN, Infinity, 2 ** 53, [], {}, '2026-02-30');
  const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: odd });
  const clips = maybe(fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })));
  const seconds = maybe(fc.oneof(fc.integer({ min: 1, max: 3600 }), fc.double({ min: 0, max: 3600, noNaN: true })));
  const factor = maybe(fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 1, max: 1000, noNaN: true })));
  const threePoint = (point: fc.Arbitrary<unknown>) => fc.record({ low: point, likely: point, high: point, shape: maybe(fc.constantFrom('pert', 'triangular')) }, { requiredKeys: ['low', 'likely', 'high'] });
  const field = (point: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: point }, { weight: 1, arbitrary: threePoint(point) });
  const workload = fc.record(
    {
      name: maybe(fc.oneof(fc.string({ minLength: 1, maxLength: 5 }), fc.constant('a'.repeat(200)))),
      clips_per_month: field(clips),
      seconds_per_clip: field(seconds),
      resolution: maybe(fc.constantFrom('480p', '540p', '720p', '1024p', '1080p')),
      regeneration_factor: field(factor),
      audio: maybe(fc.boolean()),
      hdr: maybe(fc.boolean()),
      batch: maybe(fc.boolean()),
      requires: maybe(fc.array(fc.constantFrom('editing', 'image-to-video', 'extend'), { maxLength: 3 })),
    },
    { requiredKeys: ['name', 'clips_per_month', 'seconds_per_clip'] },
  );
  const scenario = fc.record(
    {
      version: maybe(fc.constant(1)),
      name: maybe(fc.string({ minLength: 1, maxLength: 5 })),
      as_of: maybe(fc.constantFrom('2026-06-01', '2028-02-29', '2027-12-31')),
      channel: maybe(fc.constantFrom('api', 'web-app')),
      offerings: maybe(fc.array(fc.constantFrom('runway/gen4-turbo', 'fal/pika-2.5'), { minLength: 1, maxLength: 3 })),
      budget: maybe(fc.record({ monthly_ceiling_usd: maybe(fc.integer({ min: 0, max: 100_000 })), max_regenerations_per_job: maybe(fc.integer({ min: 1, max: 1000 })) }, { requiredKeys: [] })),
      overrides: maybe(
        fc.dictionary(
          fc.constantFrom('luma', 'runway', 'kling'),
          fc.record({ usd_per_credit: maybe(fc.oneof(fc.double({ min: 0.0001, max: 1000, noNaN: true }), fc.constantFrom('~0.004', 'from 0.01'))), discount_pct: maybe(fc.integer({ min: 0, max: 100 })), gpu_seconds_per_output_second: maybe(fc.integer({ min: 1, max: 100 })) }, { requiredKeys: [] }),
          { maxKeys: 2 },
        ),
      ),
      workloads: maybe(fc.array(fc.oneof({ weight: 20, arbitrary: workload }, { weight: 1, arbitrary: workload.map((w) => ({ ...w, stray: 1 })) }), { minLength: 1, maxLength: 3 })),
    },
    { requiredKeys: ['version', 'name', 'workloads'] },
  );

  it('agrees with zod on generated scenarios, valid and not', () => {
    let sure = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 20, arbitrary: scenario }, { weight: 1, arbitrary: scenario.map((x) => ({ ...x, stray: 1 })) }), (s) => {
        if (agrees(scenarioShape(), scenarioSchema(), s)) sure += 1;
      }),
      { numRuns: 3000 },
    );
    // the generator reaches valid scenarios too: the property is not only about refusals
    expect(sure).toBeGreaterThan(300);
  });

  it('agrees with zod on every bundled scenario with one field changed', () => {
    const edits: unknown[] = [undefined, null, 0, -1, 1.5, 1e13, Number.NaN, '', 'x', '2026-06-01', true, [], {}, { low: 1, likely: 2, high: 3 }];
    for (const { data } of bundledScenarios()) {
      const root = data as Record<string, unknown>;
      const workloads = Array.isArray(root['workloads']) ? (root['workloads'] as Record<string, unknown>[]) : [];
      const targets: [Record<string, unknown>, string][] = [...Object.keys(root).map((k) => [root, k] as [Record<string, unknown>, string]), ...workloads.flatMap((w) => Object.keys(w).map((k) => [w, k] as [Record<string, unknown>, string]))];
      for (const [obj, key] of targets) {
        const before = obj[key];
        for (const edit of edits) {
          if (edit === undefined) delete obj[key];
          else obj[key] = edit;
          agrees(scenarioShape(), scenarioSchema(), data);
        }
        obj[key] = before;
      }
    }
  });
});

describe('shapes of what the plain validator does not model', () => {
  it('leave it to zod', () => {
    const unmodelled = [
      z.string().refine((s) => s.length > 2),
      z.object({ a: z.number() }), // strips unknown keys
      z.string().url(),
      z.string().transform((s) => s.length),
      z.number().multipleOf(5),
      z.coerce.number(),
      z.string().nullable(),
      z.array(z.string()).nonempty().refine(() => true),
      z.iso.datetime(),
    ];
    for (const schema of unmodelled) {
      expect(shapeOf(schema)).toStrictEqual({ kind: 'zod' });
      for (const input of ['abc', 12, null, ['a'], { a: 1 }]) expect(plainValidate(shapeOf(schema), input)).toBeNull();
    }
  });

  it('decide only what zod decides the same way, in modelled parts of a mixed schema', () => {
    const schema = z.strictObject({ n: z.number().int().gt(0).lte(10), tags: z.array(z.enum(['a', 'b'])).max(2).default([]), note: z.string().min(1).optional(), odd: z.string().refine((s) => s !== 'x').optional() });
    const shape = shapeOf(schema);
    for (const input of [{ n: 3 }, { n: 3, tags: ['a'] }, { n: 0 }, { n: 10.5 }, { n: 10 }, { n: 3, note: '' }, { n: 3, tags: ['a', 'b', 'a'] }, { n: 3, odd: 'y' }, { n: 3, other: 1 }]) {
      agrees(shape, schema, input);
    }
    // the refinement is zod's to run: an input that reaches it is never decided here
    expect(plainValidate(shape, { n: 3, odd: 'y' })).toBeNull();
    expect(plainValidate(shape, { n: 3 })).toEqual({ data: { n: 3, tags: [] } });
    // a default is a fresh copy each time
    const a = plainValidate(shape, { n: 1 })!.data as { tags: string[] };
    const b = plainValidate(shape, { n: 1 })!.data as { tags: string[] };
    expect(a.tags).not.toBe(b.tags);
  });
});
