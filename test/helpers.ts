// Test helpers: run the built binary as a user would, or the CLI entry in-process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { run } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { parseSheet } from '../src/pricing/load-sheet.js';
import type { PriceSheet } from '../src/pricing/model.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'vidcost.cjs');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/vidcost.cjs ...args` (the built bundle), with colour off and no TTY. */
export function vidcost(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI entry function in-process (for fuzzing and fast checks); today is pinned. */
export async function vidcostInProcess(args: readonly string[], options: { cwd?: string; today?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1' },
    isTTY: false,
    today: () => options.today ?? '2026-12-01',
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vidcost-test-'));
}

/**
 * Expects `actual` to be the golden file's text. With UPDATE_GOLDENS=1 the file is rewritten
 * instead (then review its diff: a golden's figures are checked by hand, not taken on trust).
 */
export function expectGolden(actual: string, file: string): void {
  if (process.env['UPDATE_GOLDENS'] === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every bundled price sheet, parsed from its YAML (not the build's precompiled copy), in folder order. */
export function bundledSheets(): PriceSheet[] {
  const pricing = join(ROOT, 'pricing-data');
  const out: PriceSheet[] = [];
  for (const vendor of readdirSync(pricing).sort()) {
    for (const file of readdirSync(join(pricing, vendor)).sort()) {
      const rel = `pricing-data/${vendor}/${file}`;
      out.push(parseSheet(readFileSync(join(ROOT, rel), 'utf8'), rel));
    }
  }
  return out;
}

/** CSV records as a spreadsheet (and Python's csv module) reads them: CR, LF or CRLF outside quotes ends a record. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
