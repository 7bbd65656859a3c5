// The HTML report: one self-contained file, an SVG chart of monthly cost per offering against the
// ceiling, the tables beside it, every user string escaped. Against the HYPOTHETICAL sheets under
// test/fixtures/diff/. (test/html-chromium.test.ts renders it in a real browser.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../src/money/decimal.js';
import { exact, range, atLeast, UNKNOWN } from '../src/money/figure.js';
import { renderChart } from '../src/render/bar-chart.js';
import { linkable } from '../src/render/html.js';
import { escapeHtml } from '../src/render/safe-text.js';
import { expectGolden, FIXTURES, tempDir, vidcost, vidcostInProcess } from './helpers.js';

const DIR = join(FIXTURES, 'diff');

describe('escapeHtml', () => {
  it('turns every character that can open a tag or leave an attribute into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co');
  });
});

describe('the chart', () => {
  it('bars and the ceiling line at exact positions; ranges, bounds and unknowns drawn honestly', () => {
    // plot 380 px wide from x = 210; the scale's top is the largest figure or the ceiling: $1,000
    const svg = renderChart({
      title: 't',
      style: 'money',
      ceiling: dec(500),
      bars: [
        { label: 'point', value: exact(250) },
        { label: 'range', value: range(100, 1000) },
        { label: 'bound', value: atLeast(400, true) },
        { label: 'unknown', value: UNKNOWN },
      ],
    });
    // 250/1000 × 380 = 95
    expect(svg).toContain('<rect class="now" x="210" y="34" width="95" height="14"/>');
    // range: solid to 100/1000 × 380 = 38, lighter from 248 for (1000 − 100)/1000 × 380 = 342
    expect(svg).toContain('<rect class="now" x="210" y="60" width="38" height="14"/><rect class="now spread" x="248" y="60" width="342" height="14"/>');
    // lower bound: solid to 400/1000 × 380 = 152, then an open arrow head
    expect(svg).toContain('<rect class="now" x="210" y="86" width="152" height="14"/><path class="now open" d="M362 86 l8 7 l-8 7 z"/>');
    // ceiling at 500/1000 × 380 = 190 → x = 400
    expect(svg).toContain('<line class="ceiling" x1="400" y1="26" x2="400" y2="138"/>');
    expect(svg).toContain('>ceiling $500.00</text>');
    expect(svg).toContain('>~$100.00–$1,000.00</text>');
    expect(svg).toContain('>from ~$400.00</text>');
    expect(svg).toContain('>unknown</text>');
    // the unknown bar has no rectangle: 3 bars drawn, 4 rects (one range has two)
    expect(svg.match(/<rect /g)).toHaveLength(4);
  });
});

describe('vidcost diff --format html', () => {
  it('golden output: folders with a scenario', () => {
    const r = vidcost(['diff', '--base', 'pricing-a', '--pricing', 'pricing-b', '--as-of', '2026-07-01', '--scenario', 'scenario.yaml', '--format', 'html'], {
      cwd: DIR,
    });
    expect(r.status).toBe(0);
    expectGolden(r.stdout, join(DIR, 'golden', 'diff-folders-scenario.html'));
    // the largest figure is acme/pro's base $1,100; the $300 ceiling sits at 300/1100 × 380 = 103.6 px
    expect(r.stdout).toContain('<line class="ceiling" x1="313.6"');
    // route $272 → $306: 272/1100 × 380 = 93.96 ≈ 94; 306/1100 × 380 = 105.71 ≈ 105.7
    expect(r.stdout).toContain('<rect class="base" x="210" y="34" width="94" height="14"/>');
    expect(r.stdout).toContain('<rect class="now" x="210" y="50" width="105.7" height="14"/>');
    expect(r.stdout).toContain('<p class="headline">Monthly cost +$34.00 (+12.5%): $272.00 → $306.00</p>');
  });

  it('without a scenario, a chart of the changed rates', () => {
    const r = vidcost(['diff', 'pricing-a/acme/2026-06-01.yaml', 'pricing-b/acme/2026-07-01.yaml', '--format', 'html'], { cwd: DIR });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('<title id="chart-title">USD per second of video, changed rates: base against new</title>');
    // acme/fast $0.10 → $0.12; the largest rate shown is acme/pro 720p's $0.30: 0.10/0.30 × 380 = 126.7
    expect(r.stdout).toContain('<text class="label" x="202" y="52" text-anchor="end">acme/fast any</text>');
    expect(r.stdout).toContain('width="126.7"');
    expect(r.stdout).not.toContain('class="ceiling"');
  });
});

describe('vidcost estimate --format html', () => {
  const html = vidcost(['estimate', 'xss-scenario.yaml', '--pricing', 'pricing-a', '--as-of', '2026-06-01', '--format', 'html'], { cwd: DIR });

  it('is one self-contained file: no script, no external resource, a CSP that forbids both', () => {
    expect(html.status).toBe(0);
    expect(html.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html.stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html.stdout).not.toMatch(/<(script|img|link|iframe|object|embed|base|image|use)\b/i);
    expect(html.stdout).not.toMatch(/<[^>]*\s(src|xlink:href|action|formaction)=/i);
    expect(html.stdout).not.toMatch(/url\(|@import/i);
    // the only addresses are links to the sheets' sources, opened by a click, never fetched
    const anchors = [...html.stdout.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) expect(a).toMatch(/^<a class="(id|url)" href="https:\/\/example\.com\/(acme|credco)\/pricing" rel="noreferrer">$/);
    expect(html.stdout.match(/\shref=/g)).toHaveLength(anchors.length);
  });

  it('shows names holding HTML as text', () => {
    expect(html.stdout).toContain('<h1>vidcost estimate: &lt;img src=x onerror=&quot;window.__vidcostXss=1;alert(1)&quot;&gt; launch</h1>');
    expect(html.stdout).toContain('Workload &quot;&lt;/td&gt;&lt;script&gt;window.__vidcostXss=2;alert(2)&lt;/script&gt;drafts&quot;');
  });

  it('charts the route and each offering against the ceiling', () => {
    // drafts only: 200 × 5 s × 3 = 3,000 s; legacy $240, fast $300, credco $450, pro (720p $0.30) $900
    // scale top $900: route/legacy 240/900 × 380 = 101.3; ceiling 300/900 × 380 = 126.7 → x = 336.7
    expect(html.stdout).toContain('<text class="label" x="202" y="45" text-anchor="end">recommended route</text>');
    expect(html.stdout).toContain('<rect class="now" x="210" y="34" width="101.3" height="14"/>');
    expect(html.stdout).toContain('<line class="ceiling" x1="336.7"');
    for (const money of ['$240.00', '$300.00', '$450.00', '$900.00']) expect(html.stdout).toContain(`>${money}</text>`);
  });

  it('with --compare-to, base and current bars side by side', () => {
    const dir = tempDir();
    const scenario = join(DIR, 'scenario.yaml');
    expect(
      vidcost(['estimate', scenario, '--pricing', join(DIR, 'pricing-a'), '--as-of', '2026-06-01', '--format', 'json', '--out', 'base.json'], { cwd: dir })
        .status,
    ).toBe(0);
    const r = vidcost(['estimate', scenario, '--pricing', join(DIR, 'pricing-b'), '--as-of', '2026-07-01', '--compare-to', 'base.json', '--format', 'html'], {
      cwd: dir,
    });
    expect(r.status).toBe(0);
    // route $272 → $306 (+12.5%), scale top acme/pro's $1,100
    expect(r.stdout).toContain('<p class="headline">Monthly cost +$34.00 (+12.5%): $272.00 → $306.00</p>');
    expect(r.stdout).toContain('<rect class="base" x="210" y="34" width="94" height="14"/>');
    expect(r.stdout).toContain('<text x="226" y="307">base 2026-06-01</text>');
    expect(r.stdout).toContain(
      '<tr><td data-label="Offering"><a class="id" href="https://example.com/acme/pricing" rel="noreferrer">acme/fast</a></td><td class="num" data-label="Base">$340.00</td><td class="num" data-label="Now">$408.00</td><td class="num" data-label="Change">+$68.00 (+20%)</td><td data-label="Notes"></td></tr>',
    );
  });
});

/** The budget summary as a reader sees it: "Budget per month: ~$1,620.00" per line, tags gone. */
function summaryOf(html: string): string {
  const start = html.indexOf('<section class="summary"');
  expect(start).toBeGreaterThan(0);
  // the summary comes before any chart or table
  expect(start).toBeLessThan(html.indexOf('<table'));
  const section = html.slice(start, html.indexOf('</section>', start));
  return section
    .replace(/<dt>/g, '\n')
    .replace(/<\/dt>/g, ': ')
    .replace(/<li>|<p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

const FORECAST = join(FIXTURES, 'forecast');
const TESTCO = join(FORECAST, 'pricing');

/** A scenario on the hypothetical testco sheets (verified 2026-01-01), one workload. */
function testcoScenario(offering: string, workload: string): string {
  const dir = tempDir();
  const file = join(dir, 'scenario.yaml');
  writeFileSync(
    file,
    `version: 1\nname: Summary check\nas_of: 2026-01-15\n` + `offerings: [${offering}]\nbudget:\n  monthly_ceiling_usd: 500\nworkloads:\n${workload}`,
  );
  return file;
}

describe('the budget summary the HTML report opens with', () => {
  it("social drafts: per month, per year = 12 × month, the route linked to its rate's source, the ceiling, the prices' age on as_of", () => {
    const r = vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-07-01', '--format', 'html']);
    expect(r.status).toBe(0);
    const text = summaryOf(r.stdout);
    // fal/pika-2.5: ~$45 per 100 clips of 10 s at 1080p = ~$0.45 a clip; 1,200 kept clips × 3
    // generations = 3,600 clips = ~$1,620.00 a month; 12 × $1,620.00 = ~$19,440.00 a year
    expect(text).toContain('Budget per month: ~$1,620.00');
    expect(text).toContain('Budget per year: ~$19,440.00 (12 × the monthly figure)');
    expect(text).toContain('Route: drafts: fal/pika-2.5, ~$1,620.00 per month');
    // ceiling $2,000.00 − $1,620.00 = $380.00
    expect(text).toContain('Ceiling: $2,000.00 per month: within it, ~$380.00 to spare');
    // every sheet was verified 2026-06-01: 30 days before 2026-07-01
    expect(text).toContain('fal/pika-2.5: verified 2026-06-01 (30 days old on 2026-07-01)');
    expect(text).toMatch(
      /Price sheets in force, by the date they were verified: 2026-06-01 \(30 days old on 2026-07-01\): fal, kling, luma, openai, pika, runway\./,
    );
    // the route's rate comes from the sheet's `pika` source (https://pika.art/pricing), not fal's default
    expect(r.stdout).toContain('drafts: <a class="id" href="https://pika.art/pricing" rel="noreferrer">fal/pika-2.5</a>');
  });

  it('every offering the estimate shows links to the source of the rate it used', () => {
    const json = vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-07-01', '--format', 'json']);
    const ids = (JSON.parse(json.stdout) as { totals: { offering: string }[] }).totals.map((t) => t.offering);
    expect(ids.length).toBeGreaterThan(15);
    const html = vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-07-01', '--format', 'html']).stdout;
    const sources = html.slice(html.indexOf('<section class="sources">'));
    for (const id of ids) expect(sources).toMatch(new RegExp(`<a class="id" href="https://[^"]+" rel="noreferrer">${id.replace(/[.]/g, '\\.')}</a>`));
    // rates with their own source: kling's API price is fal's range; runway's secondary gen4.5 rate was verified a day before its sheet
    expect(sources).toContain('<a class="id" href="https://fal.ai/pricing" rel="noreferrer">kling/kling-3.0</a>');
    expect(sources).toMatch(
      /runway\/gen4\.5<\/a><\/td><td data-label="Verified"><time datetime="2026-05-31">2026-05-31<\/time><\/td><td class="num" data-label="Age on 2026-07-01">31 days<\/td>/,
    );
  });

  it("the age is counted to the report's as_of, never to today", async () => {
    // in-process with today pinned far away: June 1 to September 1 is 30 + 31 + 31 = 92 days
    const r = await vidcostInProcess(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-09-01', '--format', 'html'], { today: '2031-03-03' });
    expect(r.status).toBe(0);
    const text = summaryOf(r.stdout);
    expect(text).toContain('fal/pika-2.5: verified 2026-06-01 (92 days old on 2026-09-01)');
    // 92 > the default 60 days: the summary says the prices are stale
    expect(text).toContain('2026-06-01 (92 days old on 2026-09-01, stale: over 60 days)');
    const fresh = summaryOf(
      (await vidcostInProcess(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-06-01', '--format', 'html'], { today: '2031-03-03' })).stdout,
    );
    expect(fresh).toContain('fal/pika-2.5: verified 2026-06-01 (0 days old on 2026-06-01)');
    expect(fresh).not.toContain('stale');
  });

  it('a year that is not 12 × the rounded month says so and shows the exact month', () => {
    // testco/fast $0.05/s × 7 clips × 1.3 s = $0.455 a month: shown $0.46 (half-up); 12 × $0.455 = $5.46
    const file = testcoScenario('testco/fast', '  - { name: tiny, clips_per_month: 7, seconds_per_clip: 1.3, regeneration_factor: 1 }\n');
    const r = vidcost(['estimate', file, '--pricing', TESTCO, '--format', 'html']);
    expect(r.status).toBe(0);
    const text = summaryOf(r.stdout);
    expect(text).toContain('Budget per month: $0.46');
    expect(text).toContain('Budget per year: $5.46 (12 × the monthly figure before it is rounded to the cent, $0.455)');
    // $500.00 − $0.455 = $499.545, shown half-up
    expect(text).toContain('Ceiling: $500.00 per month: within it, $499.55 to spare');
    // testco's sheet was verified 2026-01-01, 14 days before the scenario's as_of 2026-01-15
    expect(text).toContain('testco/fast: verified 2026-01-01 (14 days old on 2026-01-15)');
  });

  it('a range is budgeted at its high end; a lower bound alone is no budget', () => {
    // testco/ranged ~$0.07–$0.14/s × 500 clips × 8 s × 3 = 12,000 s: ~$840.00–$1,680.00; × 12 = ~$10,080.00–$20,160.00
    const drafts = '  - { name: drafts, clips_per_month: 500, seconds_per_clip: 8, regeneration_factor: 3 }\n';
    const ranged = summaryOf(vidcost(['estimate', testcoScenario('testco/ranged', drafts), '--pricing', TESTCO, '--format', 'html']).stdout);
    expect(ranged).toContain('Budget per month: ~$840.00–$1,680.00 (a range: budget the high end, $1,680.00)');
    expect(ranged).toContain('Budget per year: ~$10,080.00–$20,160.00 (12 × the monthly figure)');
    // $1,680.00 − $500.00 = $1,180.00
    expect(ranged).toContain('Ceiling: $500.00 per month: over it by ~$1,180.00');
    // testco/bound from $0.30/s × 12,000 s = from $3,600.00: no upper bound, so no route to budget
    const bound = summaryOf(vidcost(['estimate', testcoScenario('testco/bound', drafts), '--pricing', TESTCO, '--format', 'html']).stdout);
    expect(bound).toContain('Budget per month: unknown: no eligible offering with a known price for "drafts"');
    expect(bound).toContain('Ceiling: $500.00 per month: not known to be within it, the monthly figure is unknown');
  });

  it('no complete route: the budget is unknown, never $0, and the ceiling verdict says it cannot know', () => {
    // brand-spots on 2026-12-01: Sora has shut down and nothing else serves the dialogue spots
    const text = summaryOf(vidcost(['estimate', 'scenarios/brand-spots.yaml', '--as-of', '2026-12-01', '--format', 'html']).stdout);
    expect(text).toContain('Budget per month: unknown: no eligible offering with a known price for "dialogue-spots"');
    expect(text).toContain('Budget per year: unknown');
    expect(text).toContain('dialogue-spots: none (no offering is eligible)');
    expect(text).toContain('Ceiling: $1,000.00 per month: not known to be within it, the monthly figure is unknown');
    expect(text).not.toMatch(/\$0\.00/);
  });

  it('forecast: budget the P90, and 12 × it for the year', () => {
    // plain-api: the route is testco/fast for both workloads in every trial (no uncertain input on it):
    // drafts 500 × 8 s × 3 × $0.05 = $600.00, finals 40 × 12 s × 3 × $0.05 = $72.00: $672.00; × 12 = $8,064.00
    const r = vidcost(['forecast', join(FORECAST, 'plain-api.yaml'), '--pricing', TESTCO, '--trials', '200', '--format', 'html']);
    expect(r.status).toBe(0);
    const text = summaryOf(r.stdout);
    expect(text).toContain('Budget per month: $672.00 (P90 of 200 trials: nine months in ten cost less)');
    expect(text).toContain('Budget per year: $8,064.00 (12 × the monthly figure)');
    expect(text).toContain('Route: drafts: testco/fast finals: testco/fast');
    expect(text).toContain('Ceiling: $500.00 per month: over it by $172.00');
  });

  it('sweep: the scenario as written, before the swept input varies', () => {
    // testco/fast: drafts $600.00 + finals $72.00 (as above); × 12 = $8,064.00
    const r = vidcost([
      'sweep',
      join(FORECAST, 'plain-api.yaml'),
      '--pricing',
      TESTCO,
      '--vary',
      'clips_per_month=100..1000',
      '--workload',
      'drafts',
      '--format',
      'html',
    ]);
    expect(r.status).toBe(0);
    const text = summaryOf(r.stdout);
    expect(text).toContain('Budget per month: $672.00 (the scenario as written, before clips_per_month of drafts varies)');
    expect(text).toContain('Budget per year: $8,064.00');
  });

  it('links only http(s) addresses', () => {
    expect(linkable('https://fal.ai/pricing')).toBe('https://fal.ai/pricing');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<b>',
      'https://x.example/"onmouseover="alert(1)',
      'ftp://x.example/',
      'https://a b',
      '//x.example',
    ])
      expect(linkable(bad)).toBeNull();
  });
});
