// `vidcost actuals` run as a user runs it: the built binary, on the hand-computed fixtures of
// actuals-engine.test.ts (test/fixtures/actuals) and on the bundled sheets.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, vidcost } from './helpers.js';

const at = (name: string) => join('test', 'fixtures', 'actuals', name);
const PRICING = ['--pricing', at('pricing'), '--as-of', '2026-11-10'];

describe('vidcost actuals (built binary)', () => {
  it('JSON: the contract fields with exact decimal strings', () => {
    const r = vidcost(['actuals', at('usage.jsonl'), ...PRICING, '--scenario', at('plan.yaml'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    // see actuals-engine.test.ts for the arithmetic
    expect(j).toMatchObject({
      schemaVersion: 1,
      month: '2026-11',
      asOf: '2026-11-10',
      daysElapsed: 10,
      daysInMonth: 30,
      rowsOutsideMonth: 3,
      monthToDateUsd: '10.605',
      monthToDateUsdLow: '9.605',
      monthToDateUsdHigh: '10.605',
      projectedMonthUsd: '31.815',
      projectedMonthUsdLow: '28.815',
      plannedMonthUsd: '13.50',
      ceilingUsd: '25.00',
      ceilingReachedOn: '2026-11-24',
    });
    const unknownFail = j.byOffering.find((o: { offering: string }) => o.offering === 'acme/unknown-fail');
    expect(unknownFail).toMatchObject({
      generations: 2,
      succeededGenerations: 1,
      failedGenerations: 1,
      monthToDateUsdLow: '1.10',
      monthToDateUsdHigh: '2.10',
      pricedUsdLow: '1.00',
      pricedUsdHigh: '2.00',
    });
    const drafts = j.byWorkload.find((w: { workload: string }) => w.workload === 'drafts');
    expect(drafts).toMatchObject({
      keptClips: 3,
      succeededGenerations: 6,
      generationsPerKeptClip: '2',
      projectedClipsPerMonth: '9',
      plannedClipsPerMonth: '6',
      plannedRegenerationFactor: '2',
    });
    expect(j.advisories.map((a: { code: string }) => a.code).sort()).toEqual([
      'failed-billing-unknown',
      'price-drift',
      'projected-over-ceiling',
      'regeneration-above-plan',
      'rows-outside-month',
      'unpriced-usage',
    ]);
  });

  it('gate: exit 1 when the projection (its high end) passes the ceiling; 0 within it', () => {
    // $31.815 > $25
    const over = vidcost(['actuals', at('usage.jsonl'), ...PRICING, '--scenario', at('plan.yaml'), '--fail-on-projected-ceiling', '--format', 'markdown']);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('gate failed: 2026-11 is projected at $28.82–$31.82, over the $25.00 ceiling');
    // $31.815 <= $32
    const within = vidcost(['actuals', at('usage.jsonl'), ...PRICING, '--scenario', at('plan-32.yaml'), '--fail-on-projected-ceiling']);
    expect(within.stderr).toBe('');
    expect(within.status).toBe(0);
  });

  it('gate fails closed when part of the spend is unknown', () => {
    const dir = tempDir();
    const log = join(dir, 'u.jsonl');
    writeFileSync(log, '{"time":"2026-11-02T10:00:00Z","offering":"other/thing","seconds":5,"status":"succeeded","job":"a"}\n');
    const r = vidcost(['actuals', log, ...PRICING, '--scenario', at('plan-32.yaml'), '--fail-on-projected-ceiling', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fails closed');
    const j = JSON.parse(r.stdout);
    // nothing known: at least $0, no upper bound
    expect([j.monthToDateUsd, j.monthToDateUsdLow, j.monthToDateUsdHigh]).toEqual([null, '0.00', null]);
  });

  it('CSV with a byte-order mark and CRLF; FOCUS with --map; a non-USD export refused', () => {
    const csv = JSON.parse(vidcost(['actuals', at('usage-bom-crlf.csv'), ...PRICING, '--format', 'json']).stdout);
    expect([csv.monthToDateUsd, csv.projectedMonthUsd]).toEqual(['2.70', '8.10']);
    const focus = vidcost(['actuals', at('focus.csv'), '--map', at('focus-map.yaml'), ...PRICING, '--format', 'json']);
    expect(focus.status).toBe(0);
    expect(JSON.parse(focus.stdout)).toMatchObject({ rowsSkipped: 4, monthToDateUsd: '6.20', projectedMonthUsd: '18.60' });
    const eur = vidcost(['actuals', at('focus-eur.csv'), ...PRICING]);
    expect(eur.status).toBe(2);
    expect(eur.stderr).toBe(
      'vidcost: test/fixtures/actuals/focus-eur.csv:2:6: BillingCurrency: vidcost reconciles US dollars only, and this export bills in EUR: export it in USD (the price sheets are in USD)\n',
    );
  });

  it('a --map naming an unknown offering is refused with the near miss', () => {
    const dir = tempDir();
    const map = join(dir, 'map.yaml');
    writeFileSync(map, 'vendor-sku-9: acme/nofail\n');
    const r = vidcost(['actuals', at('focus.csv'), '--map', map, ...PRICING]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/map\.yaml:1:\d+: vendor-sku-9: unknown offering "acme\/nofail" \(did you mean acme\/no-fail\?\)/);
  });

  it('bad rows: exit 2, each named by file, line, column and field', () => {
    const r = vidcost(['actuals', at('bad.jsonl'), at('bad.csv'), ...PRICING]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('vidcost: test/fixtures/actuals/bad.jsonl:2:1: seconds: must not be negative, found -5');
    expect(lines).toContain('vidcost: test/fixtures/actuals/bad.jsonl:3:1: status: expected succeeded, failed or canceled, found "done"');
    expect(lines).toContain('vidcost: test/fixtures/actuals/bad.jsonl:5:1: job: missing: every row needs job');
    expect(lines).toContain('vidcost: test/fixtures/actuals/bad.jsonl:7:1: kep: unknown field (did you mean kept?)');
    expect(lines.some((l) => l.startsWith('vidcost: test/fixtures/actuals/bad.jsonl:4:1: time: '))).toBe(true);
    // CSV: the column is where the field starts on its line
    expect(lines).toContain(
      'vidcost: test/fixtures/actuals/bad.csv:2:40: status: expected succeeded, failed or canceled, found "sucseeded" (did you mean succeeded?)',
    );
    expect(lines).toContain('vidcost: test/fixtures/actuals/bad.csv:3:38: seconds: expected a non-negative number (output seconds requested), found "abc"');
    expect(r.stderr).not.toContain('    at ');
  });

  it('at most 20 problems per file, then how many more', () => {
    const dir = tempDir();
    const log = join(dir, 'many.jsonl');
    writeFileSync(
      log,
      Array.from(
        { length: 25 },
        (_, i) => `{"time":"2026-11-02T10:00:00Z","offering":"acme/per-second","seconds":-${i + 1},"status":"succeeded","job":"a"}`,
      ).join('\n'),
    );
    const r = vidcost(['actuals', log, ...PRICING]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toContain('many.jsonl:20:1: seconds: must not be negative, found -20');
    expect(lines[20]).toContain('and 5 more problems in this file');
  });

  it('--write-scenario writes a scenario forecast reads, never over a file without --force', () => {
    const dir = tempDir();
    const out = join(dir, 'calibrated.yaml');
    const args = ['actuals', at('usage.jsonl'), ...PRICING, '--scenario', at('plan.yaml'), '--write-scenario', out, '--format', 'json'];
    const first = vidcost(args);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('drafts: clips_per_month 9, regeneration_factor 1/2/2 (P10/median/P90)');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/name: drafts\n\s+clips_per_month: 9\b/);
    expect(text).toContain('regeneration_factor: { low: 1, likely: 2, high: 2 }');
    expect(text).toContain('regeneration_factor: { low: 1, likely: 1, high: 2 }');
    const forecast = vidcost(['forecast', out, '--pricing', at('pricing'), '--as-of', '2026-11-10', '--trials', '200', '--format', 'json']);
    expect(forecast.stderr).toBe('');
    expect(forecast.status).toBe(0);
    const again = vidcost(args);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; pass --force to replace it');
    expect(vidcost([...args, '--force']).status).toBe(0);
    expect(existsSync(join(dir, 'calibrated.yaml'))).toBe(true);
  });

  it('HTML: a self-contained page with the cumulative spend, the plan line and the ceiling', () => {
    const r = vidcost(['actuals', at('usage.jsonl'), ...PRICING, '--scenario', at('plan.yaml'), '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('<svg');
    expect(r.stdout).toContain('class="spent"');
    expect(r.stdout).toContain('class="plan"');
    expect(r.stdout).toContain('ceiling $25.00');
    expect(r.stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('on the bundled sheets at 2026-06-01 prices', () => {
    const dir = tempDir();
    const log = join(dir, 'june.jsonl');
    // fal/kling-3.0-pro $0.112/s (the 2026-06-01 fal sheet): 5 s = $0.56, twice; a 10 s Pika clip on
    // fal bills one 10 s clip at ~$45 per 100 = ~$0.45; total ~$1.57, × 30 ÷ 2 = ~$23.55
    writeFileSync(
      log,
      [
        '{"time":"2026-06-01T10:00:00Z","offering":"fal/kling-3.0-pro","seconds":5,"status":"succeeded","job":"a"}',
        '{"time":"2026-06-02T10:00:00Z","offering":"fal/kling-3.0-pro","seconds":5,"status":"succeeded","job":"a","kept":true}',
        '{"time":"2026-06-02T11:00:00Z","offering":"fal/pika-2.5","seconds":10,"status":"succeeded","job":"b","kept":true}',
      ].join('\n'),
    );
    const r = vidcost(['actuals', log, '--as-of', '2026-06-02', '--format', 'json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect([j.monthToDateUsd, j.projectedMonthUsd]).toEqual(['1.57', '23.55']);
  });
});
