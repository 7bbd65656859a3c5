// The HTML report: one self-contained file, an SVG chart of monthly cost per offering against the
// ceiling, the tables beside it, every user string escaped. Against the HYPOTHETICAL sheets under
// test/fixtures/diff/. (test/html-chromium.test.ts renders it in a real browser.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../src/money/decimal.js';
import { exact, range, atLeast, UNKNOWN } from '../src/money/figure.js';
import { escapeHtml, renderChart } from '../src/render/html.js';
import { expectGolden, FIXTURES, tempDir, vidcost } from './helpers.js';

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
    const r = vidcost(['diff', '--base', 'pricing-a', '--pricing', 'pricing-b', '--as-of', '2026-07-01', '--scenario', 'scenario.yaml', '--format', 'html'], { cwd: DIR });
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
    expect(html.stdout).not.toMatch(/<[^>]*\s(src|href|xlink:href)=/i);
    expect(html.stdout).not.toMatch(/url\(|@import/i);
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
    expect(vidcost(['estimate', scenario, '--pricing', join(DIR, 'pricing-a'), '--as-of', '2026-06-01', '--format', 'json', '--out', 'base.json'], { cwd: dir }).status).toBe(0);
    const r = vidcost(['estimate', scenario, '--pricing', join(DIR, 'pricing-b'), '--as-of', '2026-07-01', '--compare-to', 'base.json', '--format', 'html'], { cwd: dir });
    expect(r.status).toBe(0);
    // route $272 → $306 (+12.5%), scale top acme/pro's $1,100
    expect(r.stdout).toContain('<p class="headline">Monthly cost +$34.00 (+12.5%): $272.00 → $306.00</p>');
    expect(r.stdout).toContain('<rect class="base" x="210" y="34" width="94" height="14"/>');
    expect(r.stdout).toContain('<text x="226" y="307">base 2026-06-01</text>');
    expect(r.stdout).toContain('<tr><td>acme/fast</td><td class="num">$340.00</td><td class="num">$408.00</td><td class="num">+$68.00 (+20%)</td><td></td></tr>');
  });
});
