// Hostile usage logs: whatever a line holds, the reader either takes a row or names a problem, and
// the engine prices what it takes; nothing throws (a throw would be exit 3, "a bug in vidcost").
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActualsAccumulator } from '../src/engine/actuals.js';
import { actualsReport } from '../src/engine/actuals-report.js';
import { loadPricing } from '../src/cli/sheets.js';
import { focusOfferingIndex } from '../src/usage/focus.js';
import { CountingSink, usageLineReader } from '../src/usage/usage-reader.js';
import { actualsCsv, actualsJson } from '../src/render/actuals.js';
import { actualsHtml } from '../src/render/actuals-html.js';
import { ROOT } from './helpers.js';

const sheets = loadPricing({ pricingDir: join(ROOT, 'test', 'fixtures', 'actuals', 'pricing'), cwd: ROOT });
const index = focusOfferingIndex(sheets);
const runs = Number(process.env['FUZZ_RUNS'] ?? 150);

const hostile = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    -0,
    -1,
    1e300,
    1e21,
    1e-300,
    2 ** 53 + 1,
    0.1 + 0.2,
    '',
    ' ',
    '-0',
    '1e5',
    '0x10',
    '1_000',
    'NaN',
    '\u0000',
    '\u001b[31m',
    '=cmd|',
    '"',
    '\ufeff',
    '2026-11-02T10:00:00Z',
    '2026-02-30T10:00:00Z',
    'true',
    'yes',
    null,
    true,
    false,
    [],
    {},
  ),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
);
const FIELDS = ['time', 'offering', 'seconds', 'resolution', 'audio', 'hdr', 'batch', 'status', 'job', 'kept', 'workload', 'usd', '__proto__', 'constructor'];
const GOOD = { time: '2026-11-02T10:00:00Z', offering: 'acme/per-clip', seconds: 8, status: 'succeeded', job: 'j' };

function feed(lines: string[], asOf = '2026-11-10') {
  const acc = new ActualsAccumulator(sheets, { asOf });
  const sink = new CountingSink();
  const reader = usageLineReader('log', (row, line) => acc.add(row, 'log', line), sink, index);
  lines.forEach((l, i) => reader.line(l, i + 1));
  reader.end();
  const report = actualsReport(acc);
  actualsJson(report);
  actualsCsv(report);
  actualsHtml(report);
  return { report, sink };
}

describe('hostile usage rows', () => {
  it('JSON Lines: a good row with hostile values in any fields', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 4 }), { minLength: 1, maxLength: 5 }), (patches) => {
        const lines = patches.map((p) => JSON.stringify({ ...GOOD, ...p }));
        const { report, sink } = feed(lines);
        // every line is a row or a problem, never both lost
        expect(report.rowsRead + new Set(sink.kept.map((p) => p.line)).size).toBeGreaterThanOrEqual(lines.length);
      }),
      { numRuns: runs },
    );
  });

  it('CSV and FOCUS: arbitrary text after a header', () => {
    const headers = [
      'time,offering,seconds,status,job,usd',
      'BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,SkuId,SkuPriceDetails',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.array(fc.string({ maxLength: 80 }), { maxLength: 6 }), (header, lines) => {
        feed([header, ...lines]);
      }),
      { numRuns: runs },
    );
  });

  it('any first line: JSON, CSV or garbage', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.json({ maxDepth: 2 })), { maxLength: 6 }), (lines) => {
        feed(lines);
      }),
      { numRuns: runs },
    );
  });
});
