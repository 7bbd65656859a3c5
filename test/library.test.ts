// vidcost as a typed library, the way a user's project imports it: through the package name,
// the built dist/index.js and its declarations.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

function consumer(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'vidcost'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

const program = `import { loadPricing, parseScenario, estimate, estimateJson } from 'vidcost';
const sheets = loadPricing({ cwd: '.' });
const scenario = parseScenario('version: 1\\nname: lib\\nofferings: [runway/gen4]\\nworkloads:\\n  - { name: w, clips_per_month: 10, seconds_per_clip: 10 }\\n', 'inline.yaml');
const report = estimate(sheets, scenario, { asOf: '2026-06-01' });
const json = estimateJson(report);
const total: string | null = (json as { recommendation: { monthlyUsd: string | null } }).recommendation.monthlyUsd;
console.log(total);
`;

describe('the library', () => {
  it('imports by package name and estimates: 10 clips × 10 s × $0.12 × 3 = $36.00', () => {
    const dir = consumer();
    writeFileSync(join(dir, 'use.mjs'), program.replace(': string | null', '').replace(/ as \{[^)]*\}/, ''));
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('36.00\n');
  });

  it('ships type declarations a TypeScript project compiles against', () => {
    const dir = consumer();
    writeFileSync(join(dir, 'use.ts'), program);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
        files: ['use.ts'],
      }),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it("scenarioSchema() is a zod/mini schema that speaks zod's English, as classic zod does", () => {
    // zod/mini sets no language itself: every message would read "Invalid input"
    const dir = consumer();
    writeFileSync(
      join(dir, 'schema.mjs'),
      `import { scenarioSchema } from 'vidcost';
const r = scenarioSchema().safeParse({ version: 2, name: 'x', workloads: [] });
console.log(JSON.stringify(r.error.issues.map((i) => [i.path.join('.'), i.message])));
`,
    );
    const r = spawnSync(process.execPath, ['schema.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      ['version', 'Invalid input: expected 1'],
      ['workloads', 'Too small: expected array to have >=1 items'],
    ]);
  });
});
