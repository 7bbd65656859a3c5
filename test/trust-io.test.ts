// Inputs that never surprise and output that is safe to open (issue 13): numbers read as a person
// meant them or refused, every input bounded in size and time and checked by type before it is
// opened, names shown but never obeyed in any format, --out that writes only regular files.
// Expected figures are worked out by hand in the comments beside them.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../src/render/csv.js';
import { escapeMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import { renderPrMarkdown } from '../src/render/compare.js';
import { jsonOffsetOf } from '../src/input/json-locate.js';
import { lineAndColumn } from '../src/input/text-position.js';
import { readNumberText } from '../src/money/number-text.js';
import { parseFigure } from '../src/money/figure.js';
import { csvRows, ROOT, tempDir, vidcost } from './helpers.js';

const lines = (s: string) => s.split('\n').filter(Boolean);

/** A scenario on runway/gen4-turbo's API rate (~5 credits/s × $0.01 = ~$0.05/s), one regeneration. */
function scenario(workloads: string, extra = ''): string {
  return `version: 1\nname: Trust\nchannel: api\nas_of: 2026-06-01\nofferings: [runway/gen4-turbo]\n${extra}workloads:\n${workloads}`;
}
const workload = (name: string, clips = '500') =>
  `  - name: ${name}\n    clips_per_month: ${clips}\n    seconds_per_clip: 6\n    resolution: 720p\n    regeneration_factor: 1\n`;

/** A hypothetical one-offering sheet (vendor acme) with the given rate line. */
function acmeSheet(rate: string, extra = ''): string {
  return `vendor: acme\neffective: 2026-01-01\nverified: 2026-01-01\nprovenance: first-party\nsources:\n  page: https://example.com/acme\nsource: page\n${extra}offerings:\n  - id: acme/clip\n    name: Clip (hypothetical)\n    channels: [api]\n    rates:\n      - ${rate}\n`;
}
const acmeScenario =
  'version: 1\nname: Acme\nchannel: api\nas_of: 2026-06-01\nworkloads:\n  - { name: a, clips_per_month: 100, seconds_per_clip: 10, resolution: 720p, regeneration_factor: 1 }\n';

function pricingWith(sheet: string, name = '2026-01-01.yaml'): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'pricing', 'acme'), { recursive: true });
  writeFileSync(join(dir, 'pricing', 'acme', name), sheet);
  writeFileSync(join(dir, 's.yaml'), acmeScenario);
  return dir;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

describe('numbers: read exactly as meant, or refused with file, line, column and field', () => {
  it('clips_per_month: +500 is 500 (500 clips × 6 s × ~$0.05/s = ~$150.00), not an internal error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenario(workload('drafts', '+500')));
    const r = vidcost(['estimate', 's.yaml', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).recommendation.monthlyUsd).toBe('150.00');
  });

  it("a sheet's +0.07 is $0.07/s (100 clips × 10 s × $0.07 = $70.00)", () => {
    const dir = pricingWith(acmeSheet('{ usd_per_second: +0.07 }'));
    const r = vidcost(['estimate', 's.yaml', '--pricing', 'pricing', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).recommendation.monthlyUsd).toBe('70.00');
    // and the same quoted, as a figure string
    const quoted = pricingWith(acmeSheet('{ usd_per_second: "+0.07" }'));
    expect(JSON.parse(vidcost(['estimate', 's.yaml', '--pricing', 'pricing', '--format', 'json'], { cwd: quoted }).stdout).recommendation.monthlyUsd).toBe(
      '70.00',
    );
  });

  it('a decimal comma ("0,07") is refused with file, line, column and field, exit 2 (it was read as $7.00/s)', () => {
    const dir = pricingWith(acmeSheet('{ usd_per_second: "0,07" }'));
    for (const argv of [
      ['estimate', 's.yaml', '--pricing', 'pricing'],
      ['validate', 'pricing'],
    ]) {
      const r = vidcost(argv, { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)[0]).toBe(
        `vidcost: ${join('pricing', 'acme', '2026-01-01.yaml')}:13:27: offerings[0].rates[0].usd_per_second: "0,07" holds a comma vidcost cannot read: write the decimal point (0.07), and commas only between groups of three digits (1,120)`,
      );
    }
  });

  it('the number grammar: signs, underscores and grouping commas read, decimal commas refused', () => {
    expect(readNumberText('+500')).toBe('500');
    expect(readNumberText('1,120')).toBe('1120');
    expect(readNumberText('12,000.5')).toBe('12000.5');
    expect(readNumberText('1_000')).toBe('1000');
    expect(readNumberText('.5')).toBe('.5');
    for (const bad of ['0,07', '1,5', '1,2345', '0,070', ',5', '1,,000', '+', '-5', '5e3', '']) expect(readNumberText(bad), bad).toBeNull();
    expect(parseFigure('~1,120')).toEqual(parseFigure('~1120'));
    expect(parseFigure('0,07')).toHaveProperty('error');
    expect(parseFigure('~0,07-0,14')).toHaveProperty('error');
  });

  it('--trials 1,5 and --vary with a decimal comma are refused, not read as 15 and 5', () => {
    const golden = join(ROOT, 'scenarios', 'ad-variants.yaml');
    expect(vidcost(['forecast', golden, '--trials', '1,5', '--as-of', '2026-06-01'])).toMatchObject({
      status: 2,
      stderr: 'vidcost: --trials: expected a whole number from 1 to 1,000,000, found "1,5"\n',
    });
    const r = vidcost(['sweep', golden, '--vary', 'clips_per_month=0,5..1', '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vidcost: --vary: "0,5" holds a comma/);
  });

  it('a baseline\'s "+594.00" is 594: the route went from $594.00 to ~$150.00, a change of -444.00', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenario(workload('drafts')));
    const base = JSON.parse(vidcost(['estimate', 's.yaml', '--format', 'json'], { cwd: dir }).stdout);
    base.recommendation.monthlyUsd = '+594.00';
    for (const w of base.recommendation.workloads) w.monthlyUsd = '+594.00';
    for (const t of base.totals) t.monthlyUsd = '+594.00';
    for (const w of base.workloads) for (const o of w.options ?? []) o.monthlyUsd = '+594.00';
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    const r = vidcost(['estimate', 's.yaml', '--compare-to', 'base.json', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const c = JSON.parse(r.stdout).comparison.recommendation;
    expect([c.baseMonthlyUsd, c.monthlyUsd, c.changeUsd]).toEqual(['594.00', '150.00', '-444.00']);
  });

  it('sweep --vary clips_per_month=0.0000000001..0.0000000002 is refused (exit 2), not an internal error', () => {
    const golden = join(ROOT, 'scenarios', 'ad-variants.yaml');
    expect(vidcost(['sweep', golden, '--vary', 'clips_per_month=0.0000000001..0.0000000002', '--as-of', '2026-06-01'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'vidcost: --vary: 0.0000000001 has 10 decimal places; a sweep reads its bounds to 4 places\n',
    });
    // the class: 0.0000001..1 crashed the same way (its first step was rounded below the range);
    // with four places the rounded grid stays inside it: 0.0001 to 0.0002 in 4 steps is
    // 0.0001, 0.000133… and 0.000166… (rounded to 4 places: 0.0001 and 0.0002), 0.0002
    expect(vidcost(['sweep', golden, '--vary', 'clips_per_month=0.0000001..1', '--as-of', '2026-06-01']).status).toBe(2);
    const ok = vidcost(['sweep', golden, '--vary', 'clips_per_month=0.0001..0.0002', '--steps', '4', '--as-of', '2026-06-01', '--format', 'json']);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).steps).toEqual(['0.0001', '0.0001', '0.0002', '0.0002']);
  });
});

describe('inputs bounded in size and time, checked by type before they are opened', () => {
  const fifo = (dir: string, name: string) => {
    const path = join(dir, name);
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    return path;
  };

  it('a FIFO given as scenario, sheet or baseline is refused at once (it hung forever)', () => {
    const dir = tempDir();
    fifo(dir, 's.yaml');
    mkdirSync(join(dir, 'pricing', 'acme'), { recursive: true });
    fifo(dir, join('pricing', 'acme', '2026-01-01.yaml'));
    fifo(dir, 'base.json');
    writeFileSync(join(dir, 'ok.yaml'), scenario(workload('drafts')));
    const cases: [string[], string][] = [
      [['estimate', 's.yaml'], 's.yaml'],
      [['validate', 's.yaml'], 's.yaml'],
      [['rates', '--pricing', 'pricing'], join('pricing', 'acme', '2026-01-01.yaml')],
      [['estimate', 'ok.yaml', '--compare-to', 'base.json'], 'base.json'],
    ];
    for (const [argv, file] of cases) {
      const started = Date.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'vidcost.cjs'), ...argv], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      });
      expect(r.signal, argv.join(' ')).toBeNull(); // not killed by the timeout
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`vidcost: ${file}: is not a regular file (a named pipe); expected a file\n`);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  });

  it('a pricing folder of `ln -s . lN` links is read once per folder: the same answer as without them', () => {
    const plain = pricingWith(acmeSheet('{ usd_per_second: 0.07 }'));
    const loops = pricingWith(acmeSheet('{ usd_per_second: 0.07 }'));
    for (let i = 0; i < 12; i++) symlinkSync('.', join(loops, 'pricing', `l${i}`));
    symlinkSync('..', join(loops, 'pricing', 'acme', 'up'));
    const want = vidcost(['rates', '--pricing', 'pricing', '--as-of', '2026-06-01'], { cwd: plain });
    const got = vidcost(['rates', '--pricing', 'pricing', '--as-of', '2026-06-01'], { cwd: loops });
    expect(got).toEqual(want);
    expect(vidcost(['validate', 'pricing'], { cwd: loops })).toEqual({ status: 0, stdout: '1 file valid (1 price sheet)\n', stderr: '' });
  });

  it('a sheet file not named <YYYY-MM-DD>.yaml in a pricing folder is refused, not loaded', () => {
    for (const name of ['latest.yaml', '2026-01-01.yml', '2026-1-1.yaml', 'prices 2026-01-01.yaml']) {
      const dir = pricingWith(acmeSheet('{ usd_per_second: 0.07 }'), name);
      const r = vidcost(['estimate', 's.yaml', '--pricing', 'pricing'], { cwd: dir });
      expect(r.status, name).toBe(2);
      expect(r.stderr).toBe(
        `vidcost: ${join('pricing', 'acme', name)}: a price sheet is named by its effective date, <YYYY-MM-DD>.yaml; rename it or move it out of the pricing folder\n`,
      );
    }
  });

  it('a 1,000-workload scenario in ordinary block YAML (over 128 KiB) is read, as the documented maximum promises', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const body = Array.from(
      { length: 1000 },
      (_, i) => `  # workload ${i}: a draft pass of the campaign's variants\n${workload(`workload-number-${String(i).padStart(4, '0')}`, '1')}`,
    ).join('');
    const text = scenario(body);
    expect(Buffer.byteLength(text)).toBeGreaterThan(134_208);
    writeFileSync(join(dir, 's.yaml'), text);
    const r = vidcost(['estimate', 's.yaml', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    // 1,000 workloads × 1 clip × 6 s × ~$0.05/s = ~$300.00
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).recommendation.monthlyUsd).toBe('300.00');
  });

  it('a 20 MB baseline with one bad field is answered in seconds, at the line and column of the field', { timeout: 120_000 }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenario(workload('drafts')));
    const base = JSON.parse(vidcost(['estimate', 's.yaml', '--format', 'json'], { cwd: dir }).stdout);
    const row = base.totals[0];
    base.totals = Array.from({ length: 140_000 }, (_, i) => ({ ...row, offering: `x/o${i}` }));
    base.totals[139_999].monthlyUsd = 5;
    const text = JSON.stringify(base);
    writeFileSync(join(dir, 'base.json'), text);
    const column = text.lastIndexOf('"monthlyUsd":5') + '"monthlyUsd":'.length + 1;
    const started = Date.now();
    const r = vidcost(['estimate', 's.yaml', '--compare-to', 'base.json'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `vidcost: base.json:1:${column}: totals[139999].monthlyUsd: expected text, found 5; the baseline must be the JSON of \`vidcost estimate FILE --format json\`\n`,
    );
  });

  it('jsonOffsetOf finds fields past strings holding brackets, quotes and escapes, on any line', () => {
    const text = '{\n  "a": "}]\\"{[",\n  "b": [1, {"c": [2, 3]}, "x"],\n  "d": {"e": null}\n}';
    const at = (path: (string | number)[]) => lineAndColumn(text, jsonOffsetOf(text, path)!);
    expect(at(['b', 1, 'c', 1])).toEqual({ line: 3, column: 22 });
    expect(at(['b', 2])).toEqual({ line: 3, column: 27 });
    expect(at(['d', 'e'])).toEqual({ line: 4, column: 14 });
    expect(at(['d', 'missing'])).toEqual({ line: 4, column: 8 }); // the nearest part that exists
  });

  it('a baseline of 140,000 rows draws its comparison table and Markdown (no stack overflow)', { timeout: 180_000 }, () => {
    const rows = Array.from({ length: 140_000 }, (_, i) => [`x/o${i}`, '$1.00', 'gone']);
    const table = { columns: [{ header: 'Offering' }, { header: 'Base', align: 'right' as const }, { header: 'Notes' }], rows };
    const text = renderTable({ title: 'T', subtitle: [], sections: [{ table }] }, { color: false });
    const drawn = text.split('\n');
    // title, blank, header, then one line per row, each column where the header put it
    expect(drawn).toHaveLength(3 + 140_000 + 1);
    // padding of one space each side, one space between columns; widths of the widest cell
    const line = (id: string) => ` ${id.padEnd(9)}   ${'$1.00'}   gone`;
    expect(drawn[2]).toBe(` ${'Offering'.padEnd(9)}    Base   Notes`);
    expect(drawn[3]).toBe(line('x/o0'));
    expect(drawn[140_002]).toBe(line('x/o139999'));
    const md = renderPrMarkdown({ summary: 's', context: 'c', main: [{ table }], details: [], advisories: [] });
    expect(md.split('\n').filter((l) => l.startsWith('| x/o'))).toHaveLength(140_000);
  });
});

describe('sheets that defeat the checks are refused', () => {
  it('verified: 2099-01-01 (sheet, rate or plan) is refused: the stale-price warning could never fire', () => {
    const cases: [string, string, string][] = [
      [acmeSheet('{ usd_per_second: 0.07 }').replace('verified: 2026-01-01', 'verified: 2099-01-01'), '3:11', 'verified'],
      [acmeSheet('{ usd_per_second: 0.07, verified: 2099-01-01 }'), '13:43', 'offerings[0].rates[0].verified'],
    ];
    for (const [sheet, at, field] of cases) {
      const dir = pricingWith(sheet);
      const r = vidcost(['estimate', 's.yaml', '--pricing', 'pricing'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^vidcost: ${join('pricing', 'acme', '2026-01-01.yaml').replace(/[/\\]/g, '.')}:${at}: ${field.replace(/[[\].]/g, '\\$&')}: verified 2099-01-01 is after today \\(\\d{4}-\\d{2}-\\d{2}\\)`,
        ),
      );
    }
  });

  it('zero clip_seconds, credits_per_second or batch factor is refused (each priced work at $0.00)', () => {
    const cases: [string, string, string][] = [
      ['{ usd_per_clip: 0.5, clip_seconds: 0 }', '', 'offerings[0].rates[0].clip_seconds'],
      ['{ credits_per_second: 0 }', 'api_usd_per_credit: 0.01\n', 'offerings[0].rates[0].credits_per_second'],
      ['{ credits_per_second: "~0" }', 'api_usd_per_credit: 0.01\n', 'offerings[0].rates[0].credits_per_second'],
      ['{ credits_per_clip: 0, clip_seconds: 5 }', 'api_usd_per_credit: 0.01\n', 'offerings[0].rates[0].credits_per_clip'],
    ];
    for (const [rate, extra, field] of cases) {
      const dir = pricingWith(acmeSheet(rate, extra));
      const r = vidcost(['validate', 'pricing'], { cwd: dir });
      expect(r.status, rate).toBe(2);
      expect(r.stderr, rate).toContain(`: ${field}: expected a figure above 0, found `);
    }
    const batch = acmeSheet('{ usd_per_second: 0.07 }').replace('    rates:', '    batch: { factor: 0, latency: hours }\n    rates:');
    const r = vidcost(['validate', 'pricing'], { cwd: pricingWith(batch) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(': offerings[0].batch.factor: expected a figure above 0, found 0');
  });
});

describe('names are shown, never obeyed, in every format', () => {
  const HOSTILE = {
    csvBreak: "drafts\\r=cmd|' /C calc'!A0",
    forged: 'x\\r\\nCheapest route: $1.00',
    rlo: 'team\\u202Eevil',
    zeroWidth: 'dra\\u200Bfts',
    ping: '@everyone @user #123',
  };
  const setup = () => {
    const dir = tempDir();
    const workloads = Object.values(HOSTILE)
      .map((name) => workload(`"${name}"`, '10'))
      .join('');
    writeFileSync(join(dir, 's.yaml'), scenario(workloads));
    return dir;
  };

  it('CSV: a name holding a CR is one quoted cell, and no cell or line within a cell starts a formula', () => {
    const dir = setup();
    const r = vidcost(['estimate', 's.yaml', '--format', 'csv'], { cwd: dir });
    expect(r.status).toBe(0);
    const rows = csvRows(r.stdout);
    // header + one row per workload (each on runway/gen4-turbo): a name adds no row
    expect(rows).toHaveLength(1 + Object.keys(HOSTILE).length);
    for (const row of rows) {
      expect(row).toHaveLength(rows[0]!.length);
      for (const cell of row)
        for (const part of cell.split(/\r\n|\r|\n/)) if (!PLAIN_NUMBER.test(part)) expect(FORMULA_START.test(part), JSON.stringify(cell)).toBe(false);
    }
    expect(rows.map((row) => row[3])).toContain("drafts\r'=cmd|' /C calc'!A0");
  });

  it("CSV: numbers stay numbers (a price decrease -444.00 is not the text '-444.00)", () => {
    expect(renderCsv(['a', 'b', 'c'], [['-0.005', -2, '-444.00']])).toBe('a,b,c\n-0.005,-2,-444.00\n');
    expect(renderCsv(['a'], [['-2+3'], ['x\n-1+1'], ['x\r\n@SUM(1)'], ['ok\nfine']])).toBe('a\n\'-2+3\n"x\n\'-1+1"\n"x\r\n\'@SUM(1)"\n"ok\nfine"\n');
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenario(workload('drafts')));
    const base = JSON.parse(vidcost(['estimate', 's.yaml', '--format', 'json'], { cwd: dir }).stdout);
    base.recommendation.monthlyUsd = '594.00';
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    const csv = vidcost(['estimate', 's.yaml', '--compare-to', 'base.json', '--format', 'csv'], { cwd: dir }).stdout;
    // the route: $594.00 then ~$150.00, -444.00, -74.747…%
    expect(csv).toContain(',route,runway/gen4-turbo,changed,594.00,150.00,-444.00,-74.74747474747474747475\n');
  });

  it('table and Markdown: no raw CR, LF, ESC, direction override or zero-width character; no forged line', () => {
    const dir = setup();
    for (const format of ['table', 'markdown']) {
      const out = vidcost(['estimate', 's.yaml', '--format', format], { cwd: dir }).stdout;
      expect(out).not.toMatch(/[\r\u001b\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
      // the only line that starts "Cheapest route" (or its Markdown bold form) is the real one
      expect(out.split('\n').filter((l) => /^(\*\*)?Cheapest route/.test(l.trim()))).toHaveLength(1);
      expect(out).toContain('team\\u202Eevil'.replace(/\\/g, format === 'markdown' ? '\\\\' : '\\'));
      expect(out).toContain('dra\\u200Bfts'.replace(/\\/g, format === 'markdown' ? '\\\\' : '\\'));
    }
  });

  it('Markdown: @everyone, @user and #123 neither ping nor link in a pull-request comment', () => {
    expect(escapeMarkdown('@everyone @user #123 a@b.c')).toBe('@&#8203;everyone @&#8203;user #&#8203;123 a@&#8203;b.c');
    const out = vidcost(['estimate', 's.yaml', '--format', 'markdown'], { cwd: setup() }).stdout;
    expect(out).not.toMatch(/@everyone|@user|#123/);
    expect(out).toContain('@&#8203;everyone @&#8203;user #&#8203;123');
  });

  it('HTML shows direction overrides as escapes; JSON writes them as \\u escapes, the same data', () => {
    const dir = setup();
    const html = vidcost(['estimate', 's.yaml', '--format', 'html'], { cwd: dir }).stdout;
    expect(html).not.toMatch(/[\u001b\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
    expect(html).toContain('team\\u202Eevil');
    const json = vidcost(['estimate', 's.yaml', '--format', 'json'], { cwd: dir }).stdout;
    expect(json).not.toMatch(/[\u202a-\u202e\u200b-\u200f]/);
    expect(json).toContain('team\\u202Eevil');
    expect(JSON.parse(json).workloads.map((w: { name: string }) => w.name)).toContain('team\u202Eevil');
  });

  it('ESC from a baseline (JSON allows it) never reaches the terminal', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenario(workload('drafts')));
    const base = JSON.parse(vidcost(['estimate', 's.yaml', '--format', 'json'], { cwd: dir }).stdout);
    base.totals.push({ ...base.totals[0], offering: 'x/\u001b[2J\u001b[31mgone\u009b' });
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    for (const format of ['table', 'markdown', 'csv', 'html', 'json']) {
      const r = vidcost(['estimate', 's.yaml', '--compare-to', 'base.json', '--format', format], { cwd: dir });
      expect(r.status).toBe(0);
      expect(r.stdout, format).not.toMatch(/[\u001b\u009b]/);
    }
  });
});

describe('--out writes only regular files', () => {
  const golden = join(ROOT, 'scenarios', 'ad-variants.yaml');
  const run = (out: string, cwd: string, force = true) =>
    vidcost(['estimate', golden, '--as-of', '2026-06-01', '--out', out, ...(force ? ['--force'] : [])], { cwd });

  it('refuses a device even with --force, and leaves it a device (--out /dev/null --force replaced it)', () => {
    const dir = tempDir();
    // a device of our own where root may make one; else /dev/null itself, which a non-root run cannot replace
    const device = spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0 ? join(dir, 'null') : '/dev/null';
    const r = run(device, dir);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: `vidcost: ${device}: is a device, not a regular file; vidcost writes only regular files, even with --force\n`,
    });
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a FIFO, a socket-like target and a symbolic link even with --force', () => {
    const dir = tempDir();
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    writeFileSync(join(dir, 'real.txt'), 'keep');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    expect(run('pipe', dir).stderr).toBe('vidcost: pipe: is a named pipe, not a regular file; vidcost writes only regular files, even with --force\n');
    expect(run('link.txt', dir).stderr).toBe(
      'vidcost: link.txt: is a symbolic link, not a regular file; vidcost writes only regular files, even with --force\n',
    );
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('keep');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('refuses --out "" and --out newdir/, writing nothing anywhere', () => {
    const dir = tempDir();
    expect(run('', dir, false)).toEqual({ status: 2, stdout: '', stderr: 'vidcost: --out: expected a file name to write, found an empty one\n' });
    expect(run('newdir/', dir, false)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'vidcost: newdir/: names a folder (it ends with "/"); expected a file name to write\n',
    });
    expect(vidcost(['schema', '--out', ''], { cwd: dir }).status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("keeps an overwritten file's permissions", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'private.md'), 'old');
    chmodSync(join(dir, 'private.md'), 0o600);
    expect(run('private.md', dir).status).toBe(0);
    expect(statSync(join(dir, 'private.md')).mode & 0o777).toBe(0o600);
    // .md: written as Markdown, the format the name asks for
    expect(readFileSync(join(dir, 'private.md'), 'utf8')).toContain('### vidcost estimate: Ad-variant testing');
  });

  it('leaves no temporary file after SIGINT or SIGTERM arrives mid-write; the report is whole', () => {
    // a process that signals itself while writeFileAtomic is writing: without a handler the
    // signal ends it there, leaving the temporary file; with one, the write finishes first
    const dir = tempDir();
    const script = join(dir, 'write.cjs');
    buildSync({
      stdin: {
        contents: `import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'src', 'cli', 'files.ts'))};
import { writeSync } from 'node:fs';
const [target, signal] = process.argv.slice(2);
let calls = 0;
writeFileAtomic(target, 'x'.repeat(1 << 20), true, { ops: { writeSync: (fd, data, offset, length) => {
  calls += 1;
  if (calls === 2) process.kill(process.pid, signal);
  return writeSync(fd, data, offset, Math.min(length, 4096));
} } });
setTimeout(() => process.exit(0), 5000);`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'silent',
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const out = join(dir, `${signal}.txt`);
      const r = spawnSync(process.execPath, [script, out, signal], { encoding: 'utf8', timeout: 30_000 });
      expect(r.signal, r.stderr).toBe(signal); // the run still ends as the signal asks
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(readFileSync(out, 'utf8')).toHaveLength(1 << 20);
    }
  });
});
