// The HTML reports' layout in real headless Chromium (Debian's package, driven by playwright-core)
// at a phone's width and three laptop and desktop widths. For estimate, compare, forecast and sweep
// HTML, at each width: a full-page screenshot as wide as the window (the page never scrolls
// sideways), every offering id and date on one line (one client rect, one line high), no word broken
// inside, no cell, paragraph or table cut off, the tables laid out as tables on a laptop and as cards
// on a phone, and the budget summary at the top. Screenshots go to $VIDCOST_SCREENSHOTS when set
// (kept), else to a temporary folder removed afterwards.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FIXTURES, tempDir, vidcost } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const WIDTHS = [375, 1280, 1440, 1920] as const;
const HEIGHT = 900;

if (!HAVE_CHROMIUM) {
  console.warn(`html-layout.test.ts skipped: ${CHROMIUM} is absent; install it with \`apt-get install -y chromium\` (CI does, in .ci/run)`);
}

/** What the page reports about its own layout (computed in the browser). */
interface Layout {
  viewport: number;
  scrollWidth: number;
  scrollHeight: number;
  lineHeight: number;
  /** offering ids and dates on more than one line, or taller than one line, or outside the window */
  brokenIds: string[];
  idCount: number;
  /** words (split at spaces, and after - – /) drawn across two lines */
  brokenWords: string[];
  /** elements whose content is wider than their box, or that reach outside the window */
  cutOff: string[];
  /** table boxes that scroll sideways (some of the table hidden) */
  scrollingTables: number;
  tables: number;
  /** how the first body cell is displayed: table-cell (a table) or block (a card) */
  cellDisplay: string | null;
  summaryTop: number | null;
  summaryText: string;
  chartOverflow: number;
}

/** Runs in the page: measures the layout. Typed loosely: the project compiles without the DOM library. */
function probe(): Layout {
  const g = globalThis as any;
  const doc = g.document;
  const win = g.window;
  const vw: number = win.innerWidth;
  const lineHeight = parseFloat(win.getComputedStyle(doc.body).lineHeight);
  const label = (el: any) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} "${String(el.textContent).trim().slice(0, 60)}"`;

  const brokenIds: string[] = [];
  const ids = [...doc.querySelectorAll('main .id, main time')];
  for (const el of ids) {
    const rects = el.getClientRects();
    const r = el.getBoundingClientRect();
    if (rects.length !== 1 || r.height > lineHeight * 1.5 || r.left < -0.5 || r.right > vw + 0.5)
      brokenIds.push(`${label(el)} rects=${rects.length} h=${r.height}`);
  }

  const brokenWords: string[] = [];
  const walker = doc.createTreeWalker(doc.querySelector('main'), 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg, .url, style')) continue;
    const text: string = node.textContent;
    for (const m of text.matchAll(/[^\s\-–/]+[-–/]?/g)) {
      const range = doc.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)));
      if (lines.size > 1) brokenWords.push(`"${m[0]}" in ${label(node.parentElement)}`);
    }
  }

  const cutOff: string[] = [];
  for (const el of doc.querySelectorAll(
    'main td, main th, main p, main li, main dd, main dt, main h1, main h2, main figure, main figcaption, main table, main footer',
  )) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not displayed (an empty card cell, a phone's table head)
    if (el.scrollWidth > el.clientWidth + 1 || r.left < -0.5 || r.right > vw + 0.5)
      cutOff.push(`${label(el)} scrollWidth=${el.scrollWidth} clientWidth=${el.clientWidth} right=${r.right}`);
  }
  const wraps = [...doc.querySelectorAll('.table-wrap')];
  const scrollingTables = wraps.filter((w: any) => w.scrollWidth > w.clientWidth + 1).length;

  const cell = doc.querySelector('main table tbody td');
  const summary = doc.querySelector('.summary');
  let chartOverflow = 0;
  for (const svg of doc.querySelectorAll('svg.chart'))
    chartOverflow = Math.max(chartOverflow, svg.getBoundingClientRect().right - svg.parentElement.getBoundingClientRect().right);
  return {
    viewport: vw,
    scrollWidth: doc.documentElement.scrollWidth,
    scrollHeight: doc.documentElement.scrollHeight,
    lineHeight,
    brokenIds,
    idCount: ids.length,
    brokenWords,
    cutOff,
    scrollingTables,
    tables: wraps.length,
    cellDisplay: cell ? win.getComputedStyle(cell).display : null,
    summaryTop: summary ? summary.getBoundingClientRect().top + win.scrollY : null,
    summaryText: summary ? summary.innerText : '',
    chartOverflow,
  };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function html(args: string[], cwd?: string): string {
  const r = vidcost(args, cwd ? { cwd } : {});
  expect(r.stderr.includes('internal error')).toBe(false);
  expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  return r.stdout;
}

describe.skipIf(!HAVE_CHROMIUM)('HTML report layout in headless Chromium at 375, 1280, 1440 and 1920 px', () => {
  let browser: Browser;
  const keep = process.env['VIDCOST_SCREENSHOTS'];
  const shots = keep ?? mkdtempSync(join(tmpdir(), 'vidcost-screens-'));
  const work = tempDir();

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    if (keep) mkdirSync(keep, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (!keep) rmSync(shots, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /** `words: false` for pages whose names are single words longer than a phone's line, which must break */
  async function check(name: string, page: string, options: { words: boolean } = { words: true }): Promise<Map<number, Layout>> {
    const file = join(work, `${name}.html`);
    writeFileSync(file, page);
    const out = new Map<number, Layout>();
    const tab = await browser.newPage({ viewport: { width: WIDTHS[0], height: HEIGHT } });
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    for (const width of WIDTHS) {
      await tab.setViewportSize({ width, height: HEIGHT });
      const layout = await tab.evaluate(probe);
      const shot = join(shots, `${name}-${width}.png`);
      await tab.screenshot({ path: shot, fullPage: true });
      const where = `${name} at ${width} px`;
      // the screenshot of the whole page is exactly as wide as the window: nothing to scroll sideways
      expect(pngSize(shot), where).toEqual({ width, height: layout.scrollHeight });
      expect(layout.scrollWidth, where).toBeLessThanOrEqual(width);
      expect(layout.idCount, where).toBeGreaterThan(0);
      expect(layout.brokenIds, where).toEqual([]);
      if (options.words) expect(layout.brokenWords, where).toEqual([]);
      expect(layout.cutOff, where).toEqual([]);
      expect(layout.scrollingTables, where).toBe(0);
      expect(layout.chartOverflow, where).toBeLessThanOrEqual(0.5);
      // a table on a laptop, a card per row on a phone
      if (layout.tables > 0) expect(layout.cellDisplay, where).toBe(width < 720 ? 'block' : 'table-cell');
      // the summary opens the report: its top is within the first screen
      expect(layout.summaryTop, where).not.toBeNull();
      expect(layout.summaryTop!, where).toBeLessThan(HEIGHT / 2);
      out.set(width, layout);
    }
    await tab.close();
    return out;
  }

  it('estimate: a web-app scenario with long notes', async () => {
    const webApp = await check('estimate-web-app-team', html(['estimate', 'scenarios/web-app-team.yaml', '--as-of', '2026-06-01', '--format', 'html']));
    // web-app route: 7 × Pika Standard $10.00 = $70.00, Kling Pro $25.99 + Standard $6.99 = $32.98;
    // $102.98 a month, 12 × $102.98 = $1,235.76 a year
    for (const layout of webApp.values()) {
      expect(layout.summaryText).toMatch(/Budget per month\s+~\$102\.98/);
      expect(layout.summaryText).toMatch(/Budget per year\s+~\$1,235\.76/);
    }
  }, 180_000);

  it('estimate: a scenario with every bundled offering', async () => {
    const social = await check('estimate-social-drafts', html(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-07-01', '--format', 'html']));
    // 1,200 clips × 3 generations × $0.45 a 10 s clip (~$45 per 100 on fal) = $1,620.00; × 12 = $19,440.00
    for (const layout of social.values()) {
      expect(layout.summaryText).toMatch(/Budget per year\s+~\$19,440\.00/);
      expect(layout.summaryText).toContain('verified 2026-06-01 (30 days old on 2026-07-01)');
    }
  }, 180_000);

  it('compare: estimate --compare-to BASE.json', async () => {
    const dir = join(FIXTURES, 'diff');
    const base = join(work, 'base.json');
    expect(
      vidcost(['estimate', join(dir, 'scenario.yaml'), '--pricing', join(dir, 'pricing-a'), '--as-of', '2026-06-01', '--format', 'json', '--out', base]).status,
    ).toBe(0);
    const layouts = await check(
      'compare',
      html(['estimate', join(dir, 'scenario.yaml'), '--pricing', join(dir, 'pricing-b'), '--as-of', '2026-07-01', '--compare-to', base, '--format', 'html']),
    );
    // the route under pricing-b: $306.00 (see html.test.ts), over the $300.00 ceiling by $6.00
    for (const layout of layouts.values()) expect(layout.summaryText).toMatch(/Ceiling\s+\$300\.00 per month: over it by \$6\.00/);
  }, 180_000);

  it('forecast', async () => {
    await check('forecast', html(['forecast', 'scenarios/uncertain-launch.yaml', '--trials', '2000', '--format', 'html']));
  }, 180_000);

  it('sweep', async () => {
    await check('sweep', html(['sweep', 'scenarios/ad-variants.yaml', '--vary', 'seconds_per_clip=2..20', '--as-of', '2026-06-01', '--format', 'html']));
  }, 180_000);

  it('names of 199 letters without a space break inside the page, not past it', async () => {
    const long = 'x'.repeat(199); // names are at most 200 characters; each workload's adds one letter
    const file = join(work, 'long-names.yaml');
    writeFileSync(
      file,
      `version: 1\nname: ${long}\nbudget:\n  monthly_ceiling_usd: 300\nworkloads:\n  - { name: w${long}, clips_per_month: 200, seconds_per_clip: 5, resolution: 720p, regeneration_factor: 3 }\n  - { name: v${long}, clips_per_month: 20, seconds_per_clip: 10, resolution: 1080p, regeneration_factor: 2 }\n`,
    );
    const dir = join(FIXTURES, 'diff');
    await check('estimate-long-names', html(['estimate', file, '--pricing', join(dir, 'pricing-a'), '--as-of', '2026-06-01', '--format', 'html']), {
      words: false,
    });
    await check(
      'diff-long-names',
      html(['diff', '--base', join(dir, 'pricing-a'), '--pricing', join(dir, 'pricing-b'), '--as-of', '2026-07-01', '--scenario', file, '--format', 'html']),
      { words: false },
    );
  }, 240_000);
});
