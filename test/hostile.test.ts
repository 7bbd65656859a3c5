// Hostile or broken input gets a clean error and exit 2, fast: never a crash, a hang or a stack.
// Small cases are fixtures under test/fixtures/hostile/; large ones are generated here. "Fast" is
// a generous per-test timeout (HOSTILE_TIMEOUT), never an assertion on elapsed time.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_DEPTH, MAX_INPUT_BYTES, parseYaml } from '../src/input/yaml-read.js';
import { parseScenario } from '../src/scenario/parse.js';
import { parseSheet } from '../src/pricing/load-sheet.js';
import { InputError } from '../src/errors.js';
import { FIXTURES, tempDir, vidcost, vidcostInProcess, type CliResult } from './helpers.js';

const HOSTILE_TIMEOUT = 5_000;
const rel = (name: string) => `test/fixtures/hostile/${name}`;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** Exit 2, nothing on stdout, every stderr line "vidcost: <file>...", no stack, no JS error names. */
function expectRefused(r: CliResult, file: string): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|Maximum call stack|internal error)\b/);
  for (const line of lines(r.stderr)) expect(line.startsWith(`vidcost: ${file}`)).toBe(true);
}

async function estimateText(text: string | Buffer, name = 's.yaml'): Promise<CliResult> {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return vidcostInProcess(['estimate', name, '--as-of', '2026-06-01'], { cwd: dir });
}

describe('resource exhaustion', () => {
  it('refuses a billion-laughs alias bomb at its first alias', { timeout: HOSTILE_TIMEOUT }, async () => {
    const r = await vidcostInProcess(['estimate', rel('billion-laughs.yaml')]);
    expectRefused(r, rel('billion-laughs.yaml'));
    expect(r.stderr).toBe(
      `vidcost: ${rel('billion-laughs.yaml')}:4:9: aliases expand too far (more than ${MAX_ALIASES} alias uses, or an alias inside its own anchor): vidcost refuses "billion laughs" documents (Excessive alias count indicates a resource exhaustion attack)\n`,
    );
  });

  it('refuses aliases that each stay under the alias limit but expand past the value limit', { timeout: HOSTILE_TIMEOUT }, async () => {
    // one anchor of 5,000 values used 90 times: 450,000 values from a 30 KB file
    const big = `[${Array.from({ length: 5000 }, () => '1').join(',')}]`;
    const r = await estimateText(`version: 1\nname: x\nblob: &b ${big}\nmore: [${Array.from({ length: 90 }, () => '*b').join(', ')}]\n`);
    expectRefused(r, 's.yaml');
    expect(r.stderr).toMatch(/^vidcost: s\.yaml:4:8: the document expands to more than 100000 values once its aliases are followed/);
  });

  it('refuses more than 100 alias uses before parsing, at the 101st', { timeout: HOSTILE_TIMEOUT }, async () => {
    const r = await estimateText(`version: 1\nname: &n x\nl: [${Array.from({ length: 5000 }, () => '*n').join(', ')}]\n`);
    expectRefused(r, 's.yaml');
    expect(r.stderr).toBe(
      `vidcost: s.yaml:3:${5 + 4 * MAX_ALIASES}: more than ${MAX_ALIASES} alias uses (*name): vidcost refuses "billion laughs" documents\n`,
    );
  });

  it.each([
    ['[', (n: number) => '['.repeat(n)],
    ['{a: ', (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`],
    ['- ', (n: number) => `${'- '.repeat(n)}x`],
  ])('refuses 10,000 levels of %j before the parser recurses', { timeout: HOSTILE_TIMEOUT }, async (_, make) => {
    const r = await estimateText(make(10_000));
    expectRefused(r, 's.yaml');
    expect(r.stderr).toMatch(new RegExp(`^vidcost: s\\.yaml:1:\\d+: nesting deeper than ${MAX_DEPTH} levels`));
  });

  it('refuses deep nesting that hides its brackets from a character count (quoted "]")', { timeout: HOSTILE_TIMEOUT }, async () => {
    // every level closes a bracket inside a quoted string: only the parser's own nesting sees the depth.
    // The top mapping is the first level, so the 64th bracket (column 4 + 6 × 63) opens the 65th.
    const r = await estimateText(`a: ${'["]", '.repeat(10_000)}`);
    expectRefused(r, 's.yaml');
    expect(r.stderr).toBe(`vidcost: s.yaml:1:${4 + 6 * (MAX_DEPTH - 1)}: nesting deeper than ${MAX_DEPTH} levels of lists and mappings\n`);
  });

  it('refuses deep nesting by indentation alone', { timeout: HOSTILE_TIMEOUT }, async () => {
    const text = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    const r = await estimateText(text);
    expectRefused(r, 's.yaml');
    expect(r.stderr).toMatch(/nesting deeper than 64 levels of lists and mappings\n$/);
  });

  it('accepts nesting up to the limit (the guard is not a false alarm)', async () => {
    const ok = parseYaml(`a: ${'['.repeat(MAX_DEPTH - 1)}1${']'.repeat(MAX_DEPTH - 1)}`, 'x.yaml');
    expect(ok.data).toBeTypeOf('object');
    expect(() => parseYaml(`a: ${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}`, 'x.yaml')).toThrow(/nesting deeper than 64 levels/);
  });

  it('counts every kind of level alike: block mappings and lists, flow lists and mappings, pairs in flow lists', () => {
    // a top mapping, then block levels one a line (a key, or a dash alone), then flow levels on the
    // last line, from three levels inside the limit to three past it, split and mixed at random.
    // "[k: " and "[? k : " open two levels each: the list, and the one-pair mapping inside it.
    const FLOW: Record<string, number> = { '[': 1, '{k: ': 1, '[k: ': 2, '[? k : ': 2 };
    const nested = fc
      .integer({ min: MAX_DEPTH - 4, max: MAX_DEPTH + 2 })
      .chain((inner) =>
        fc.tuple(
          fc.constant(inner),
          fc.array(fc.constantFrom('map', 'seq'), { minLength: inner, maxLength: inner }),
          fc.array(fc.constantFrom(...Object.keys(FLOW)), { minLength: inner, maxLength: inner }),
          fc.integer({ min: 0, max: inner }),
        ),
      );
    fc.assert(
      fc.property(nested, ([inner, kinds, opens, blockLevels]) => {
        const block = kinds.slice(0, blockLevels);
        const flow: string[] = [];
        let levels = blockLevels;
        for (const open of opens) {
          if (levels === inner) break;
          const chosen = levels + FLOW[open]! > inner ? '[' : open;
          flow.push(chosen);
          levels += FLOW[chosen]!;
        }
        const lines = ['a:'];
        block.forEach((kind, i) => lines.push(`${'  '.repeat(i + 1)}${kind === 'map' ? `k${i}:` : '-'}`));
        const closing = flow.map((open) => (open === '{k: ' ? '}' : ']')).reverse();
        lines.push(`${'  '.repeat(block.length + 1)}${flow.join('')}1${closing.join('')}`);
        const text = `${lines.join('\n')}\n`;
        if (1 + inner <= MAX_DEPTH) expect(parseYaml(text, 'x.yaml').data).toBeTypeOf('object');
        else expect(() => parseYaml(text, 'x.yaml')).toThrow(/nesting deeper than 64 levels/);
      }),
      { numRuns: 300 },
    );
  });

  it('points at the line and column where the level past the limit begins', () => {
    // 70 keys, each indented one more: the 65th level (counting the top mapping) is key64's mapping
    const keys = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}key${i}:`).join('\n');
    expect(() => parseYaml(`${keys} 1\n`, 'x.yaml')).toThrow(/^x\.yaml:65:65: nesting deeper than 64 levels/);
  });

  it(`refuses a file over ${MAX_INPUT_BYTES} bytes without reading it whole, and the same text given to the library`, {
    timeout: HOSTILE_TIMEOUT,
  }, async () => {
    const text = `# ${'x'.repeat(MAX_INPUT_BYTES)}\nversion: 1\n`;
    const r = await estimateText(text);
    expectRefused(r, 's.yaml');
    expect(r.stderr).toBe(
      `vidcost: s.yaml: file is ${MAX_INPUT_BYTES + 14} bytes; vidcost reads scenarios and price sheets up to 512 KiB (${MAX_INPUT_BYTES} bytes)\n`,
    );
    expect(() => parseScenario(text, 'lib.yaml')).toThrow(
      new RegExp(`lib\\.yaml: file is ${MAX_INPUT_BYTES + 14} bytes; vidcost reads scenarios and price sheets up to 512 KiB`),
    );
  });

  it('finds every duplicate among 5,000 keys quickly and shows the first 20', { timeout: HOSTILE_TIMEOUT }, async () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `k${i % 2_500}: ${i}`).join('\n');
    const r = await estimateText(`version: 1\n${keys}\n`);
    expectRefused(r, 's.yaml');
    const out = lines(r.stderr);
    expect(out).toHaveLength(21);
    expect(out[0]).toBe('vidcost: s.yaml:2502:1: k0: duplicate key "k0" (first written on line 2): each key may appear once in a mapping');
    expect(out[20]).toBe('vidcost: s.yaml: and 2480 more problems in this file (vidcost shows the first 20; fix these and run it again)');
  });

  it('reports 3,000 unknown fields quickly, the first 20 of them', { timeout: HOSTILE_TIMEOUT }, async () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => `field_${i}: ${i}`).join('\n');
    const r = await estimateText(`version: 1\nname: x\nworkloads: [{ name: a, clips_per_month: 1, seconds_per_clip: 1 }]\n${keys}\n`);
    expectRefused(r, 's.yaml');
    const out = lines(r.stderr);
    expect(out).toHaveLength(21);
    expect(out[0]).toMatch(/^vidcost: s\.yaml:4:1: field_0: unknown field "field_0"/);
    expect(out[20]).toBe('vidcost: s.yaml: and 2980 more problems in this file (vidcost shows the first 20; fix these and run it again)');
  });
});

describe('volume', () => {
  it('refuses more than 1,000 workloads (a report nobody can read, and work a hostile file could multiply)', { timeout: HOSTILE_TIMEOUT }, async () => {
    const workloads = Array.from({ length: 1001 }, (_, i) => `  - { name: w${i}, clips_per_month: 1, seconds_per_clip: 5 }`);
    const r = await estimateText(['version: 1', 'name: many', 'workloads:', ...workloads].join('\n'));
    expectRefused(r, 's.yaml');
    expect(r.stderr).toBe('vidcost: s.yaml:4:3: workloads: expected a list of at most 1000 items, found 1001 items\n');
  });
});

describe('keys that could reach JavaScript prototypes', () => {
  it('refuses __proto__, constructor and prototype keys at any depth, and nothing is polluted', async () => {
    const r = await vidcostInProcess(['estimate', rel('proto-keys.yaml')]);
    expectRefused(r, rel('proto-keys.yaml'));
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('proto-keys.yaml')}:3:1: __proto__: "__proto__" is not allowed as a key (it could reach JavaScript object prototypes)`,
      `vidcost: ${rel('proto-keys.yaml')}:6:3: overrides.constructor: "constructor" is not allowed as a key (it could reach JavaScript object prototypes)`,
      `vidcost: ${rel('proto-keys.yaml')}:13:5: workloads[0].prototype: "prototype" is not allowed as a key (it could reach JavaScript object prototypes)`,
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses them through the library too, and in price sheets, with no pollution', () => {
    const attempts = [
      '__proto__: { polluted: true }\nversion: 1',
      'version: 1\nname: x\nworkloads:\n  - { name: a, clips_per_month: 1, seconds_per_clip: 1, constructor: { prototype: { polluted: true } } }',
      '"__proto__": { polluted: true }',
      '? __proto__\n: { polluted: true }',
    ];
    for (const text of attempts) {
      expect(() => parseScenario(text, 's.yaml')).toThrow(/is not allowed as a key/);
      expect(() => parseSheet(text, 'acme/2026-06-01.yaml')).toThrow(/is not allowed as a key/);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a price sheet naming a source "toString" or "constructor" does not find it on Object.prototype', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    writeFileSync(
      join(dir, 'acme', '2026-06-01.yaml'),
      [
        'vendor: acme',
        'effective: 2026-06-01',
        'verified: 2026-06-01',
        'provenance: first-party',
        'sources: { page: "https://example.com" }',
        'source: toString',
        'offerings:',
        '  - id: acme/a',
        '    name: A',
        '    channels: [api]',
        '    rates:',
        '      - { usd_per_second: 0.05, source: constructor }',
      ].join('\n'),
    );
    const r = await vidcostInProcess(['rates', '--pricing', '.', '--as-of', '2026-06-01', '--format', 'csv'], { cwd: dir });
    const file = join('acme', '2026-06-01.yaml');
    expectRefused(r, file);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${file}:6:9: source: source "toString" is neither a URL nor a name under sources (page)`,
      `vidcost: ${file}:12:41: offerings[0].rates[0].source: source "constructor" is neither a URL nor a name under sources (page)`,
    ]);
  });

  it('prices workloads whose names (values, not keys) are __proto__, constructor and toString', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const text = [
      'version: 1',
      'name: Names',
      'offerings: [runway/gen4-turbo]',
      'workloads:',
      ...names.map((n) => `  - { name: "${n}", clips_per_month: 10, seconds_per_clip: 5 }`),
    ].join('\n');
    const r = await estimateText(text);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const n of names) expect(r.stdout).toContain(`Workload "${n}"`);
    const json = await vidcostInProcess(['estimate', 's.yaml', '--format', 'json'], { cwd: (await writeTemp('s.yaml', text)).dir });
    expect(JSON.parse(json.stdout).workloads.map((w: { name: string }) => w.name)).toEqual(names);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

async function writeTemp(name: string, text: string): Promise<{ dir: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return { dir };
}

describe('numbers', () => {
  it('refuses NaN and infinities, each at its line and column', async () => {
    const r = await vidcostInProcess(['estimate', rel('non-finite.yaml')]);
    expectRefused(r, rel('non-finite.yaml'));
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('non-finite.yaml')}:4:24: budget.monthly_ceiling_usd: expected a finite number, found .inf`,
      `vidcost: ${rel('non-finite.yaml')}:7:22: workloads[0].clips_per_month: expected a finite number, found .nan`,
      `vidcost: ${rel('non-finite.yaml')}:8:23: workloads[0].seconds_per_clip: expected a finite number, found -.inf`,
      `vidcost: ${rel('non-finite.yaml')}:9:26: workloads[0].regeneration_factor: expected a finite number, found .NaN`,
    ]);
  });

  it('refuses negative, zero and absurdly large numbers (1e300 clips) with the bound they break', async () => {
    const r = await vidcostInProcess(['estimate', rel('out-of-range.yaml')]);
    expectRefused(r, rel('out-of-range.yaml'));
    expect(r.stderr).toContain('workloads[0].clips_per_month: expected a number of at most 1000000000, found 1e300');
    expect(r.stderr).toContain('workloads[0].seconds_per_clip: expected a number greater than 0, found -8');
    expect(r.stderr).toContain('budget.monthly_ceiling_usd: expected a number of at least 0, found -1');
  });

  it('refuses a negative price and a NaN price in a price sheet', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    writeFileSync(
      join(dir, 'acme', '2026-06-01.yaml'),
      [
        'vendor: acme',
        'effective: 2026-06-01',
        'verified: 2026-06-01',
        'provenance: first-party',
        'sources: { page: "https://example.com" }',
        'source: page',
        'offerings:',
        '  - id: acme/a',
        '    name: A',
        '    channels: [api]',
        '    rates:',
        '      - { usd_per_second: -0.05 }',
        '      - { resolution: 720p, usd_per_second: .nan }',
      ].join('\n'),
    );
    const r = await vidcostInProcess(['rates', '--pricing', '.', '--as-of', '2026-06-01'], { cwd: dir });
    const file = join('acme', '2026-06-01.yaml');
    expectRefused(r, file);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${file}:12:27: offerings[0].rates[0].usd_per_second: expected a non-negative price, found -0.05`,
      `vidcost: ${file}:13:45: offerings[0].rates[1].usd_per_second: expected a finite number, found .nan`,
    ]);
  });
});

describe('wrong shapes and empty files', () => {
  it.each([
    ['empty.yaml', 'file is empty: expected a YAML mapping (key: value lines)'],
    ['comments-only.yaml', 'file holds only comments: expected a YAML mapping (key: value lines)'],
  ])('%s', async (name, message) => {
    const r = await vidcostInProcess(['estimate', rel(name)]);
    expectRefused(r, rel(name));
    expect(r.stderr).toBe(`vidcost: ${rel(name)}:1:1: ${message}\n`);
  });

  it('a list, a number or a string where the mapping belongs', async () => {
    for (const [text, found] of [
      ['- 1\n- 2\n', 'a list'],
      ['42\n', '42'],
      ['just words\n', 'text "just words"'],
      ['~\n', 'nothing (null)'],
    ] as const) {
      const r = await estimateText(text);
      expectRefused(r, 's.yaml');
      expect(r.stderr).toBe(`vidcost: s.yaml:1:1: expected a mapping (key: value lines), found ${found}\n`);
    }
  });

  it('refuses wrong types, each with what was expected and what was found', async () => {
    const r = await vidcostInProcess(['estimate', rel('wrong-types.yaml')]);
    expectRefused(r, rel('wrong-types.yaml'));
    expect(lines(r.stderr)).toHaveLength(5);
  });

  it('refuses a second YAML document', async () => {
    const r = await vidcostInProcess(['estimate', rel('multi-document.yaml')]);
    expectRefused(r, rel('multi-document.yaml'));
    expect(r.stderr).toBe(`vidcost: ${rel('multi-document.yaml')}:4:1: file holds more than one YAML document (a second "---"); vidcost reads exactly one\n`);
  });

  it('refuses !!js/function, !!python/object and custom tags: data, never code', async () => {
    const r = await vidcostInProcess(['estimate', rel('tags.yaml')]);
    expectRefused(r, rel('tags.yaml'));
    const out = lines(r.stderr);
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(
      `vidcost: ${rel('tags.yaml')}:2:7: name: the tag !!js/function is not allowed: vidcost reads plain data (text, numbers, true/false, lists, mappings), never typed or executable YAML`,
    );
    expect(out[1]).toContain(':3:10: channel: the tag !custom is not allowed');
    expect(out[2]).toContain(':5:5: workloads: the tag !!python/object:os.system is not allowed');
  });

  it('refuses duplicate keys, naming the line of the first', async () => {
    const r = await vidcostInProcess(['estimate', rel('duplicate-keys.yaml')]);
    expectRefused(r, rel('duplicate-keys.yaml'));
    expect(r.stderr).toBe(
      `vidcost: ${rel('duplicate-keys.yaml')}:7:5: workloads[0].clips_per_month: duplicate key "clips_per_month" (first written on line 5): each key may appear once in a mapping\n`,
    );
  });

  it('reports YAML syntax errors with their place and field', async () => {
    const r = await estimateText('version: 1\nname: "unclosed\nworkloads: [\n');
    expectRefused(r, 's.yaml');
    expect(r.stderr).toMatch(/^vidcost: s\.yaml:\d+:\d+: .*YAML syntax|^vidcost: s\.yaml:\d+:\d+: /m);
  });
});

describe('bytes that are not UTF-8 text', () => {
  it('refuses Latin-1 text, naming the line and column of the first bad byte', async () => {
    const r = await estimateText(Buffer.from('version: 1\nname: caf\xe9\n', 'latin1'));
    expectRefused(r, 's.yaml');
    expect(r.stderr).toBe('vidcost: s.yaml:2:10: file is not UTF-8 text (byte 0xE9 at byte offset 20): expected a YAML text file\n');
  });

  it('refuses UTF-16 with its byte-order mark', async () => {
    const r = await estimateText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]));
    expectRefused(r, 's.yaml');
    expect(r.stderr).toBe('vidcost: s.yaml: file is UTF-16 text; save it as UTF-8\n');
  });

  it('refuses binary data (NUL and control bytes), also when it happens to be valid UTF-8', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expectRefused(await estimateText(bytes), 's.yaml');
    const ascii = await estimateText(Buffer.from('version: 1\nname: a\u0000b\n'));
    expectRefused(ascii, 's.yaml');
    expect(ascii.stderr).toBe('vidcost: s.yaml:2:8: file holds the control character U+0000: expected YAML text, found binary data\n');
  });

  it('reads UTF-8 with a byte-order mark, and any Unicode in names', async () => {
    const text =
      '\ufeffversion: 1\nname: "Clips für 日本 🎬"\nofferings: [runway/gen4-turbo]\nworkloads: [{ name: "草稿", clips_per_month: 1, seconds_per_clip: 5 }]\n';
    const r = await estimateText(text);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Clips für 日本 🎬');
  });
});

describe('paths', () => {
  it('a missing path', async () => {
    const r = await vidcostInProcess(['estimate', 'no/such/scenario.yaml']);
    expectRefused(r, 'no/such/scenario.yaml');
    expect(r.stderr).toBe('vidcost: no/such/scenario.yaml: no such file\n');
  });

  it('a directory where a file was expected', async () => {
    const r = await vidcostInProcess(['estimate', 'test/fixtures/hostile']);
    expectRefused(r, 'test/fixtures/hostile');
    expect(r.stderr).toBe('vidcost: test/fixtures/hostile: is a directory; expected a file\n');
  });

  it('a device where a file was expected', async () => {
    const r = await vidcostInProcess(['estimate', '/dev/null']);
    expectRefused(r, '/dev/null');
    expect(r.stderr).toBe('vidcost: /dev/null: is not a regular file (a device); expected a file\n');
  });

  it('a file where the pricing folder was expected, and a missing pricing folder', async () => {
    const file = await vidcostInProcess(['rates', '--pricing', rel('valid.yaml')]);
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/^vidcost: .*valid\.yaml: /);
    const missing = await vidcostInProcess(['rates', '--pricing', 'no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^vidcost: .*no\/such\/folder: /);
  });

  it('a price sheet whose vendor and date disagree with its path (rates, estimate and validate)', async () => {
    const file = rel('pricing-mismatch/runway/2026-06-01.yaml');
    const expected = [
      `vidcost: ${file}:2:9: vendor: the sheet says vendor "kling" but sits in the folder "runway"`,
      `vidcost: ${file}:3:12: effective: the sheet says effective 2026-07-01 but its file name says 2026-06-01`,
    ];
    const rates = await vidcostInProcess(['rates', '--pricing', rel('pricing-mismatch')]);
    expectRefused(rates, file);
    expect(lines(rates.stderr)).toEqual(expected);
    const estimate = await vidcostInProcess(['estimate', rel('valid.yaml'), '--pricing', rel('pricing-mismatch')]);
    expect(estimate.status).toBe(2);
    expect(lines(estimate.stderr)).toEqual(expected);
    const validate = await vidcostInProcess(['validate', rel('pricing-mismatch')]);
    expect(validate.status).toBe(2);
    expect(lines(validate.stderr).slice(0, 2)).toEqual(expected);
  });
});

describe('the built binary', () => {
  it('every hostile fixture: exit 2 with a clean error, except the valid one (exit 0)', { timeout: 60_000 }, () => {
    const dir = join(FIXTURES, 'hostile');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const r = vidcost(['estimate', rel(name), '--as-of', '2026-06-01']);
      if (name === 'valid.yaml') {
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        continue;
      }
      expectRefused(r, rel(name));
    }
  });

  it('a 10,000-level bracket bomb through the real process (its own stack size)', { timeout: 10_000 }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.yaml'), `a: ${'["]", '.repeat(10_000)}`);
    const r = vidcost(['estimate', 'deep.yaml'], { cwd: dir });
    expectRefused(r, 'deep.yaml');
  });
});

describe('the library refuses what the CLI refuses', () => {
  it('throws InputError, never another error, for each hostile text', () => {
    const texts = ['', '# only\n', '[[[[', '{a: 1, a: 2}', 'a: !!js/function "x"', '---\na: 1\n---\nb: 2', 'a: .nan', '\u0000'];
    for (const text of texts) {
      let thrown: unknown;
      try {
        parseScenario(text, 's.yaml');
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(text)).toBeInstanceOf(InputError);
    }
  });
});
