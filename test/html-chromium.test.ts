// The HTML reports in a real browser: Debian's chromium, headless, driven by playwright-core.
// The page renders, the chart and the figures are there, and scenario and workload names holding
// HTML show as text and run nothing (no dialog, no console error, no request, the flag unset).
// Prices: the HYPOTHETICAL sheets under test/fixtures/diff/. CI installs chromium (.ci/run).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { FIXTURES, tempDir, vidcost } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const DIR = join(FIXTURES, 'diff');

if (!HAVE_CHROMIUM) {
  console.warn(`html-chromium.test.ts skipped: ${CHROMIUM} is absent; install it with \`apt-get install -y chromium\` (CI does, in .ci/run)`);
}

interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number };
}

interface PageDocument {
  title: string;
  body: { innerText: string };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { length: number };
}

interface PageRun {
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  result: {
    title: string;
    h1: string;
    headline: string;
    flag: unknown;
    scripts: number;
    images: number;
    svgWidth: number;
    bars: number;
    ceilingX: string | null;
    chartText: string;
    bodyText: string;
    tableRows: number;
    sourceRows: number;
  };
}

describe.skipIf(!HAVE_CHROMIUM)('HTML reports in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'vidcost-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(html: string): Promise<PageRun> {
    const file = join(tempDir(), 'report.html');
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await context.newPage();
    const run: PageRun = { dialogs: [], consoleErrors: [], pageErrors: [], requests: [], result: undefined as unknown as PageRun['result'] };
    page.on('dialog', (d) => {
      run.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') run.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => run.pageErrors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== url) run.requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300); // give any injected handler (onerror of a broken image) time to fire
    run.result = await page.evaluate(() => {
      // runs in the page; typed here without the DOM library the rest of the project must not see
      const { document, window } = globalThis as unknown as { document: PageDocument; window: Record<string, unknown> };
      const svg = document.querySelector('svg.chart');
      const ceiling = document.querySelector('svg.chart line.ceiling');
      return {
        title: document.title,
        h1: document.querySelector('h1')?.textContent ?? '',
        headline: document.querySelector('.headline')?.textContent ?? '',
        flag: window['__vidcostXss'],
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img, image').length,
        svgWidth: svg ? svg.getBoundingClientRect().width : 0,
        bars: document.querySelectorAll('svg.chart rect.now').length,
        ceilingX: ceiling ? ceiling.getAttribute('x1') : null,
        chartText: svg?.textContent ?? '',
        bodyText: document.body.innerText,
        tableRows: document.querySelectorAll('section:not(.sources) table tbody tr').length,
        sourceRows: document.querySelectorAll('section.sources table tbody tr').length,
      };
    });
    await page.close();
    return run;
  }

  function expectInert(run: PageRun): void {
    expect(run.dialogs).toEqual([]);
    expect(run.consoleErrors).toEqual([]);
    expect(run.pageErrors).toEqual([]);
    expect(run.requests).toEqual([]);
    expect(run.result.flag).toBeUndefined();
    expect(run.result.scripts).toBe(0);
    expect(run.result.images).toBe(0);
  }

  it('estimate: names holding <img onerror> and <script> show as text and run nothing', async () => {
    const r = vidcost(['estimate', 'xss-scenario.yaml', '--pricing', 'pricing-a', '--as-of', '2026-06-01', '--format', 'html'], { cwd: DIR });
    expect(r.status).toBe(0);
    const run = await open(r.stdout);
    expectInert(run);
    const name = '<img src=x onerror="window.__vidcostXss=1;alert(1)"> launch';
    const workload = '</td><script>window.__vidcostXss=2;alert(2)</script>drafts';
    expect(run.result.title).toBe(`vidcost estimate: ${name}`);
    expect(run.result.h1).toBe(`vidcost estimate: ${name}`);
    expect(run.result.bodyText).toContain(`Workload "${workload}"`);
    // the chart: route + 4 offerings; drafts 3,000 s: legacy $240, fast $300, credco $450, pro $900
    expect(run.result.svgWidth).toBeGreaterThan(300);
    expect(run.result.bars).toBe(5);
    expect(run.result.chartText).toContain('ceiling $300.00');
    for (const money of ['$240.00', '$300.00', '$450.00', '$900.00']) expect(run.result.chartText).toContain(money);
    // ceiling: 300/900 × 380 = 126.7 px right of x = 210
    expect(run.result.ceilingX).toBe('336.7');
    expect(run.result.headline).toBe('Cheapest route: $240.00/month, within the $300.00 ceiling');
    expect(run.result.tableRows).toBe(4);
    // one source row per offering considered: acme/fast, acme/legacy, acme/pro, credco/v1
    expect(run.result.sourceRows).toBe(4);
  });

  it('diff with a scenario: the chart of base and new costs, the tables, nothing run', async () => {
    const r = vidcost(
      ['diff', '--base', 'pricing-a', '--pricing', 'pricing-b', '--as-of', '2026-07-01', '--scenario', 'xss-scenario.yaml', '--format', 'html'],
      { cwd: DIR },
    );
    expect(r.status).toBe(0);
    const run = await open(r.stdout);
    expectInert(run);
    // drafts only, 3,000 s: route legacy $240 → turbo 3,000 × $0.09 = $270: +$30, 30/240 = +12.5%
    expect(run.result.headline).toBe('Monthly cost +$30.00 (+12.5%): $240.00 → $270.00');
    expect(run.result.bodyText).toContain('Scenario "<img src=x onerror="window.__vidcostXss=1;alert(1)"> launch"');
    expect(run.result.chartText).toContain('ceiling $300.00');
    for (const money of ['$240.00', '$270.00', '$300.00', '$360.00']) expect(run.result.chartText).toContain(money);
    expect(run.result.bodyText).toContain('+$60.00 (+20%)'); // acme/fast 3,000 × 0.10 = $300 → × 0.12 = $360
  });

  it('diff without a scenario: a chart of the changed rates', async () => {
    const r = vidcost(['diff', 'pricing-a/acme/2026-06-01.yaml', 'pricing-b/acme/2026-07-01.yaml', '--format', 'html'], { cwd: DIR });
    const run = await open(r.stdout);
    expectInert(run);
    expect(run.result.headline).toBe('Price changes: 2 rates, 1 offering added, 1 offering removed, 1 sunset');
    expect(run.result.chartText).toContain('$0.12');
    expect(run.result.ceilingX).toBeNull();
  });
});
