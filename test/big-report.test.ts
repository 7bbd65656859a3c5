// Reports of many workloads: above 20 workloads the terminal table and Markdown summarise (the
// cheapest offering per workload, a few advisories per code), --all-rows shows everything, and
// JSON and CSV stay complete.
// Hand-worked numbers: every workload is 10 clips × 10 s × 1 generation = 100 billed seconds;
// runway/gen4-turbo ~$0.05/s → ~$5.00, runway/gen4 ~$0.12/s → ~$12.00 a month each.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, vidcost } from './helpers.js';

function scenario(workloads: number): string {
  const dir = tempDir();
  const file = join(dir, `many-${workloads}.yaml`);
  const lines = ['version: 1', `name: Many ${workloads}`, 'as_of: 2026-06-01', 'offerings: [runway/gen4, runway/gen4-turbo]', 'workloads:'];
  for (let i = 0; i < workloads; i++) lines.push(`  - { name: w${i}, clips_per_month: 10, seconds_per_clip: 10, resolution: 720p, regeneration_factor: 1 }`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('a report of 21 workloads', () => {
  const file = scenario(21);

  it('the table shows the cheapest offering per workload, and a few advisories per code', () => {
    const r = vidcost(['estimate', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cheapest offering per workload (21 workloads;');
    expect(r.stdout).toMatch(/^ Workload +Cheapest +Monthly$/m);
    expect(r.stdout).toMatch(/^ w0 +runway\/gen4-turbo +~\$5\.00$/m);
    expect(r.stdout).toMatch(/^ w20 +runway\/gen4-turbo +~\$5\.00$/m);
    // the alternatives for the whole scenario: 21 × ~$12.00 = ~$252.00 on runway/gen4
    expect(r.stdout).toMatch(/^ runway\/gen4 +~\$252\.00$/m);
    // 21 × ~$5.00 = ~$105.00
    expect(r.stdout).toContain('Cheapest route: ~$105.00/month');
    // no per-workload tables
    expect(r.stdout).not.toContain('Workload "w0"');
    // a regeneration factor of 1 is naive for each of the 21 workloads: rolled up into one line
    expect(r.stdout.match(/\[naive-regeneration\]/g)).toHaveLength(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('[naive-regeneration] 21 like this, the worst first:');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('--all-rows shows every workload and every advisory', () => {
    const r = vidcost(['estimate', file, '--all-rows']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Workload "w0": 10 clips × 10 s at 720p');
    expect(r.stdout).toContain('Workload "w20": 10 clips × 10 s at 720p');
    expect(r.stdout.match(/\[naive-regeneration\]/g)).toHaveLength(21);
    expect(r.stdout).not.toContain('like this, the worst first');
  });

  it('JSON and CSV are complete', () => {
    const json = JSON.parse(vidcost(['estimate', file, '--format', 'json']).stdout);
    expect(json.workloads).toHaveLength(21);
    expect(json.workloads[20].options.map((o: { offering: string; monthlyUsd: string }) => [o.offering, o.monthlyUsd])).toEqual([
      ['runway/gen4', '12.00'],
      ['runway/gen4-turbo', '5.00'],
    ]);
    expect(json.advisories.filter((a: { code: string }) => a.code === 'naive-regeneration')).toHaveLength(21);
    const csv = vidcost(['estimate', file, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv).toHaveLength(1 + 21 * 2);
  });
});

describe('a report of 20 workloads', () => {
  it('is shown in full', () => {
    const r = vidcost(['estimate', scenario(20)]);
    expect(r.stdout).toContain('Workload "w19"');
    expect(r.stdout).not.toContain('Cheapest offering per workload');
  });
});
