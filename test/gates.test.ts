// Issue 13, "Gates and figures": gates that fail closed, advisories priced by the engine, every
// command giving the same advisories, figures a reader can reconcile, plans per seat, advisories
// rolled up, and wording. Each example from the issue is a test here, with at least one more case
// of its class. CLI tests run the built binary; every figure is worked out by hand in a comment.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, vidcost } from './helpers.js';

const GATES = join(FIXTURES, 'gates');
const SEATCO = join(GATES, 'pricing');

/** Writes a scenario into a fresh folder and returns its path. */
function scenario(text: string): string {
  const dir = tempDir();
  const file = join(dir, 's.yaml');
  writeFileSync(file, text);
  return file;
}

/** A seatco team scenario (web-app channel, 2026-01-15): `extra` goes at the top level. */
function seatTeam(clips: number, extra = '', factor = 2): string {
  return scenario(
    `version: 1\nname: Seat team\nas_of: 2026-01-15\nchannel: web-app\n${extra}workloads:\n  - { name: drafts, clips_per_month: ${clips}, seconds_per_clip: 10, regeneration_factor: ${factor} }\n`,
  );
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('a gate fails closed when the figure it needs is unknown', () => {
  it('estimate --fail-on-ceiling after Sora shut down: no complete route, exit 1, and why', () => {
    const r = vidcost(['estimate', 'scenarios/brand-spots.yaml', '--fail-on-ceiling', '--as-of', '2026-12-01']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('No complete route'); // the report is still written
    expect(r.stderr).toBe(
      'vidcost: gate failed: no complete route, so the monthly cost is unknown (dialogue-spots: no offering is eligible) and cannot be shown to be within the $1,000.00 ceiling (--fail-on-ceiling)\n',
    );
  });

  it('diff --scenario --fail-on-ceiling across the shutdown: exit 1, and why', () => {
    const r = vidcost([
      'diff',
      '--from',
      '2026-06-01',
      '--to',
      '2026-12-01',
      '--scenario',
      'scenarios/brand-spots.yaml',
      '--fail-on-ceiling',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).kind).toBe('diff');
    expect(r.stderr).toMatch(
      /^vidcost: gate failed: no complete route, so the monthly cost is unknown \(dialogue-spots: no offering is eligible\) and cannot be shown to be within the \$1,000\.00 ceiling \(--fail-on-ceiling\)\n$/,
    );
  });

  it('forecast --max-breach with no route: the chance is unknown, exit 1', () => {
    const r = vidcost(['forecast', 'scenarios/brand-spots.yaml', '--as-of', '2026-12-01', '--trials', '100', '--max-breach', '0.5']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^vidcost: gate failed: the chance of going over the \$1,000\.00 ceiling is unknown \(no complete route.*\), so it cannot be shown to be at most 0\.5 \(--max-breach 0\.5\)\n$/,
    );
  });

  it('a route priced out by too few seats fails --fail-on-ceiling too', () => {
    // 30 clips × 10 s × 2 generations × 10 credits/s = 6,000 credits; 4 seats of Seat (1,000 credits) hold 4,000
    const file = seatTeam(30, 'seats: 4\nbudget: { monthly_ceiling_usd: 1000 }\n');
    const r = vidcost(['estimate', file, '--pricing', SEATCO, '--fail-on-ceiling']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gate failed: no complete route');
  });

  it('--fail-on-ceiling on a scenario with no ceiling is refused before any report (exit 2)', () => {
    const r = vidcost(['estimate', 'scenarios/web-app-team.yaml', '--fail-on-ceiling', '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^vidcost: scenarios\/web-app-team\.yaml:\d+:\d+: .*--fail-on-ceiling needs a ceiling to check: set budget\.monthly_ceiling_usd\n$/,
    );
  });

  it('the breach gate groups its counts and shows its chance as a percent', () => {
    const r = vidcost(['forecast', 'scenarios/uncertain-launch.yaml', '--trials', '100000', '--max-breach', '0.01']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^vidcost: gate failed: the recommended route goes over the \$3,000\.00 ceiling in \d{1,3}(,\d{3})* of 100,000 trials \(\d+\.\d%\), above --max-breach 0\.01\n$/,
    );
  });
});

describe('advisories take their figures from the engine', () => {
  it('naive-regeneration honours the cap and keeps the price markers', () => {
    const file = scenario(`version: 1
name: regen
as_of: 2026-06-01
offerings: [runway/gen4-turbo, kling/kling-3.0]
budget: { max_regenerations_per_job: 2 }
workloads:
  - { name: a, clips_per_month: 100, seconds_per_clip: 10, resolution: 720p, regeneration_factor: 1 }
  - { name: b, clips_per_month: 20, seconds_per_clip: 5, resolution: 1080p, regeneration_factor: 1, audio: true, requires: [lip_sync] }
`);
    const j = JSON.parse(vidcost(['estimate', file, '--format', 'json']).stdout);
    const naive = (w: string) => j.advisories.find((a: { code: string; workload?: string }) => a.code === 'naive-regeneration' && a.workload === w).message;
    // gen4-turbo: 5 credits/s × ~$0.01 = ~$0.05/s; 100 × 10 s × $0.05 = ~$50.00 per generation;
    // a factor of 3 capped at 2 bills 2: ~$100.00 (not 3 × $50 = $150)
    expect(naive('a')).toContain(
      'At a factor of 3, capped at 2 by budget.max_regenerations_per_job, this workload costs ~$100.00/month on runway/gen4-turbo, not ~$50.00.',
    );
    // kling ~$0.07–$0.14/s × 5 s × 20 clips = ~$7.00–$14.00; × 2 = ~$14.00–$28.00, a range, not a flat figure
    expect(naive('b')).toContain('costs ~$14.00–$28.00/month on kling/kling-3.0, not ~$7.00–$14.00.');
  });

  it('on seat plans it prices the plans a factor of 3 needs, not three times the plans', () => {
    // 5 clips × 10 s × 10 credits/s = 500 credits: 1 × Seat = $10.00. At a factor of 3: 1,500
    // credits; 1 Seat + the one Freebie hold 1,100, so 2 × Seat = $20.00 (not 3 × $10 = $30)
    const file = seatTeam(5, 'seats: 5\n', 1);
    const j = JSON.parse(vidcost(['estimate', file, '--pricing', SEATCO, '--format', 'json']).stdout);
    const naive = j.advisories.find((a: { code: string }) => a.code === 'naive-regeneration').message;
    expect(naive).toContain('At a factor of 3 this workload costs $20.00/month on seatco/studio, not $10.00.');
  });
});

describe('every command gives the same advisories', () => {
  // 2026-06-01 to 2026-11-30 (the day before the 2026-12-01 sheets): 30 + 31 + 31 + 30 + 31 + 29 = 182 days
  it('forecast --stale-after 1 on 182-day-old prices says so', () => {
    const r = vidcost(['forecast', 'scenarios/uncertain-launch.yaml', '--as-of', '2026-11-30', '--stale-after', '1', '--trials', '100']);
    expect(r.status).toBe(0);
    expect(oneLine(r.stdout)).toContain('prices were verified on 2026-06-01, 182 days before 2026-11-30 (limit 1)');
    const j = JSON.parse(
      vidcost(['forecast', 'scenarios/uncertain-launch.yaml', '--as-of', '2026-11-30', '--stale-after', '1', '--trials', '100', '--format', 'json']).stdout,
    );
    expect(j.advisories.filter((a: { code: string }) => a.code === 'stale-prices').length).toBeGreaterThan(0);
  });

  it('sweep and rates say so too, and rates lists the Sora shutdown', () => {
    const sweep = vidcost(['sweep', 'scenarios/ad-variants.yaml', '--vary', 'seconds_per_clip=2..20', '--as-of', '2026-12-01', '--format', 'json']);
    expect(JSON.parse(sweep.stdout).advisories.map((a: { code: string }) => a.code)).toContain('stale-prices');
    const rates = JSON.parse(vidcost(['rates', '--as-of', '2026-12-01', '--format', 'json']).stdout);
    const codes = rates.advisories.map((a: { code: string; offering?: string; vendor?: string }) => `${a.code} ${a.offering ?? a.vendor}`);
    expect(codes).toContain('sunset openai/sora-2');
    // pika's sheet of 2026-06-01 is the only one not re-checked on 2026-12-01
    expect(codes).toContain('stale-prices pika');
    expect(codes).not.toContain('stale-prices runway');
    // within the limit: no stale-prices
    const fresh = JSON.parse(vidcost(['rates', '--as-of', '2026-06-01', '--format', 'json']).stdout);
    expect(fresh.advisories.map((a: { code: string }) => a.code)).not.toContain('stale-prices');
  });

  it('estimate before any sheet says plainly that no sheet is in force', () => {
    const r = vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2025-01-01']);
    expect(oneLine(r.stdout)).toContain(
      'No sheet in force yet on 2025-01-01 for: fal, google, kling, lightricks, luma, openai, pika, replicate, runway, vertex.',
    );
    expect(oneLine(r.stdout)).toContain('no price sheet is in force on 2025-01-01');
    expect(r.stdout).not.toContain("see each offering's reason in the table");
  });

  it('--pricing refuses two sheets for one vendor and date, as validate does', () => {
    const folder = join(GATES, 'pricing-twice');
    const file = seatTeam(30);
    for (const argv of [
      ['estimate', file, '--pricing', folder],
      ['rates', '--pricing', folder, '--as-of', '2026-01-15'],
      ['validate', folder],
    ]) {
      const r = vidcost(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('pricing-twice/seatco/2026-01-01.yml');
      // a second sheet for a date can only be a misnamed file: refused as one or the other, never picked
      expect(r.stderr).toMatch(/a vendor has one sheet per date|a price sheet is named by its effective date/);
    }
  });

  it('sweep on a web-app team prices the mixed route estimate recommends', () => {
    // concept-drafts 20 clips × 10 s × 3 × 8 credits/s = 4,800 credits: 7 × Pika Standard (4,900) = $70;
    // talking-heads 10 × 10 s × 3 × 12 = 3,600: Kling Pro + Standard (3,660) = $25.99 + $6.99 = $32.98.
    // At 40 clips: 9,600 credits on at most 7 seats: 3 Pro + 4 Standard (9,700) = $105 + $40 = $145.
    const r = vidcost([
      'sweep',
      'scenarios/web-app-team.yaml',
      '--vary',
      'clips_per_month=20..40',
      '--steps',
      '2',
      '--workload',
      'concept-drafts',
      '--as-of',
      '2026-06-01',
      '--format',
      'json',
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.route).toEqual([
      { value: '20', monthlyUsd: '102.98' },
      { value: '40', monthlyUsd: '177.98' },
    ]);
    const estimate = JSON.parse(vidcost(['estimate', 'scenarios/web-app-team.yaml', '--as-of', '2026-06-01', '--format', 'json']).stdout);
    expect(estimate.recommendation.monthlyUsd).toBe('102.98');
    const table = vidcost([
      'sweep',
      'scenarios/web-app-team.yaml',
      '--vary',
      'clips_per_month=20..40',
      '--steps',
      '2',
      '--workload',
      'concept-drafts',
      '--as-of',
      '2026-06-01',
    ]).stdout;
    expect(table).toContain('Recommended route at each step');
    expect(table).toMatch(/ 20 +\$102\.98 /);
  });
});

describe('sweep: the route step by step stays bounded', () => {
  it('201 workloads × 11 steps (2,211) is more than 2,000: said, not priced', () => {
    const workloads = Array.from({ length: 201 }, (_, i) => `  - { name: w${i}, clips_per_month: 10, seconds_per_clip: 5 }`).join('\n');
    const file = scenario(`version: 1\nname: wide\nas_of: 2026-06-01\nofferings: [runway/gen4-turbo, fal/wan-2.5]\nworkloads:\n${workloads}\n`);
    const j = JSON.parse(vidcost(['sweep', file, '--vary', 'clips_per_month=1..100', '--workload', 'w0', '--format', 'json']).stdout);
    expect(j.route).toBeNull();
    expect(j.routeNote).toBe('the recommended route is not priced at each step: 201 workloads × 11 steps is more than 2,000; use fewer --steps');
  });
});

describe('figures a reader can reconcile', () => {
  it('parts rounded one by one say why they miss the total by a cent', () => {
    // 100 clips × 48.951 s × 3 × $0.05 = $734.265 each: shown $734.27 + $734.27 = $1,468.54; the exact total $1,468.53
    const file = scenario(
      'version: 1\nname: parts\nas_of: 2026-06-01\nofferings: [runway/gen4-turbo]\nworkloads:\n  - { name: a, clips_per_month: 100, seconds_per_clip: 48.951, resolution: 720p }\n  - { name: b, clips_per_month: 100, seconds_per_clip: 48.951, resolution: 720p }\n',
    );
    const out = oneLine(vidcost(['estimate', file]).stdout);
    expect(out).toContain('a: runway/gen4-turbo ~$734.27 b: runway/gen4-turbo ~$734.27');
    expect(out).toContain('so they add up to $1,468.54; the total is their exact sum, 1468.53, rounded once to $1,468.53.');
  });

  it('web-app parts that share plans say so', () => {
    // two workloads of 500 credits each on seatco: each alone 1 × Seat = $10; together 1,000 credits = 1 × Seat = $10
    const file = scenario(
      'version: 1\nname: shared\nas_of: 2026-01-15\nchannel: web-app\nworkloads:\n  - { name: a, clips_per_month: 5, seconds_per_clip: 10, regeneration_factor: 1 }\n  - { name: b, clips_per_month: 5, seconds_per_clip: 10, regeneration_factor: 1 }\n',
    );
    const out = oneLine(vidcost(['estimate', file, '--pricing', SEATCO]).stdout);
    expect(out).toContain("The workloads' own figures add up to $20.00; the route costs $10.00 because workloads on one vendor share that vendor's plans.");
  });

  it('plan capacity counts whole clips: 3,000 ÷ 180 = 16, not 16.6', () => {
    const out = oneLine(vidcost(['estimate', join(FIXTURES, 'scenarios', 'golden.yaml')]).stdout);
    expect(out).toContain('Kling Pro: 3,000 credits ÷ 180 credits per kept clip = 16 whole clips a month');
    expect(out).toContain('Kling Standard: 660 credits ÷ 360 credits per kept clip = 1 whole clip a month');
    expect(out).not.toMatch(/\d\.\d clips a month/);
  });
});

describe('plans are per seat', () => {
  it('without seats: the cover says how many seats it takes, and a free plan counts once', () => {
    // 6,000 credits: Seat ($10, 1,000) × 6 = $60.00; the free plan (100 credits) counts once, and 5
    // Seats + 1 Freebie hold 5,100 < 6,000. Stacking free plans would have made it 60 × Freebie = $0.00.
    const j = JSON.parse(vidcost(['estimate', seatTeam(30), '--pricing', SEATCO, '--format', 'json']).stdout);
    expect(j.recommendation.monthlyUsd).toBe('60.00');
    expect(j.recommendation.plans[0]).toMatchObject({ vendor: 'seatco', seats: 6, uncountedPlans: ['Unlimited'], plans: [{ plan: 'Seat', count: 6 }] });
    const out = oneLine(vidcost(['estimate', seatTeam(30), '--pricing', SEATCO]).stdout);
    expect(out).toContain(
      'seatco plans: 6 × Seat, 0 credits left over; not counted, and may cover it: Unlimited (credits a month not published) = $60.00/month',
    );
    expect(out).toContain('Plans are per seat: this route takes 6 on seatco, one plan each. Set seats: in the scenario');
  });

  it('a free plan fills what one account can', () => {
    // 51 clips × 10 s × 1 × 10 = 5,100 credits: 5 × Seat + 1 × Freebie = 5,100 = $50.00
    const j = JSON.parse(vidcost(['estimate', seatTeam(51, '', 1), '--pricing', SEATCO, '--format', 'json']).stdout);
    expect(j.recommendation.monthlyUsd).toBe('50.00');
    expect(j.recommendation.plans[0].plans).toEqual([
      expect.objectContaining({ plan: 'Freebie', count: 1 }),
      expect.objectContaining({ plan: 'Seat', count: 5 }),
    ]);
  });

  it('with seats: at most that many plans; too few seats are named, never priced', () => {
    const six = JSON.parse(vidcost(['estimate', seatTeam(30, 'seats: 6\n'), '--pricing', SEATCO, '--format', 'json']).stdout);
    expect(six.seats).toBe(6);
    expect(six.recommendation.monthlyUsd).toBe('60.00');
    const four = JSON.parse(vidcost(['estimate', seatTeam(30, 'seats: 4\n'), '--pricing', SEATCO, '--format', 'json']).stdout);
    expect(four.recommendation.complete).toBe(false);
    const option = four.workloads[0].options[0];
    expect(option.monthlyUsd).toBeNull();
    // 4 seats × 1,000 credits = 4,000 < 6,000
    expect(option.reason).toBe(
      '4 seats (one plan each) hold at most 4,000 credits on seatco plans, short of the 6,000 needed; not counted, and may cover it: Unlimited (price or credits a month not published)',
    );
  });

  it('Runway Unlimited (credits unknown) is named beside 20 × Pro', () => {
    // 60 clips × 10 s × 3 × 25 credits/s = 45,000 credits = 20 × Pro (2,250) = 20 × ~$35 = ~$700.00
    const file = scenario(
      'version: 1\nname: runway team\nas_of: 2026-06-01\nchannel: web-app\nofferings: [runway/gen4.5]\nworkloads:\n  - { name: a, clips_per_month: 60, seconds_per_clip: 10 }\n',
    );
    const out = oneLine(vidcost(['estimate', file]).stdout);
    expect(out).toContain(
      'runway plans: 20 × Pro, 0 credits left over; not counted, and may cover it: Unlimited (credits a month not published) = $700.00/month',
    );
  });

  it('the scenario schema documents seats', () => {
    const schema = JSON.parse(vidcost(['schema']).stdout);
    expect(schema.properties.seats).toMatchObject({ type: 'integer', minimum: 1 });
    const bad = vidcost(['estimate', seatTeam(30, 'seats: 0\n'), '--pricing', SEATCO]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('seats');
  });
});

describe('advisories rolled up for people, in full on request and in JSON', () => {
  it('one line per code with a count, the worst first; --verbose and JSON list each', () => {
    // every offering, one workload, 182-day-old prices: many advisories of a few codes
    const file = scenario(
      'version: 1\nname: noisy\nas_of: 2026-11-30\nchannel: web-app\nworkloads:\n  - { name: drafts, clips_per_month: 40, seconds_per_clip: 10 }\n',
    );
    const json = JSON.parse(vidcost(['estimate', file, '--format', 'json']).stdout);
    const counts = new Map<string, number>();
    for (const a of json.advisories as { code: string }[]) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
    const noticeLines = (text: string) => text.split('\n').filter((l) => /^(error|warning|info) \[/.test(l));
    const rolled = noticeLines(vidcost(['estimate', file]).stdout);
    // a code seen once or twice keeps its lines; more become one line
    const expected = [...counts.values()].reduce((n, c) => n + (c <= 2 ? c : 1), 0);
    expect(rolled.length).toBe(expected);
    expect(rolled.length).toBeLessThan(json.advisories.length);
    const stale = counts.get('stale-prices')!;
    expect(stale).toBeGreaterThan(2);
    expect(rolled.find((l) => l.startsWith('warning [stale-prices]'))).toContain(`${stale} like this, the worst first:`);
    const verbose = vidcost(['estimate', file, '--verbose']).stdout;
    expect(noticeLines(verbose).length).toBe(json.advisories.length);
    const md = vidcost(['estimate', file, '--format', 'markdown']).stdout;
    expect(md.split('\n').filter((l) => l.startsWith('- **')).length).toBe(expected);
  });

  it('a thousand workloads get a handful of lines', () => {
    // the documented maximum; every offering considered, so plan-capacity and unknown-price repeat per workload
    const workloads = Array.from({ length: 1000 }, (_, i) => `  - { name: w${i}, clips_per_month: ${i + 1}, seconds_per_clip: 5 }`).join('\n');
    const file = scenario(`version: 1\nname: many\nas_of: 2026-06-01\nworkloads:\n${workloads}\n`);
    const out = join(tempDir(), 'report.txt');
    const r = vidcost(['estimate', file, '--out', out]);
    expect(r.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n').filter((l) => /^(error|warning|info) \[/.test(l));
    expect(lines.length).toBeLessThanOrEqual(20); // ten codes, at most two lines each
    // the worst first: the workload needing the most clips (w999, 1,000 clips) has the smallest share
    expect(oneLine(text)).toMatch(/\[plan-capacity\] \d{1,3}(,\d{3})* like this, the worst first: w999 on /);
  }, 60_000);
});

describe('wording', () => {
  it('names each capability once, says a batch tier is accepted, and "1 generation"', () => {
    const file = scenario(
      'version: 1\nname: words\nas_of: 2026-06-01\nworkloads:\n  - { name: w, clips_per_month: 1, seconds_per_clip: 5, regeneration_factor: 1, hdr: true, batch: true, requires: [hdr, exr] }\n',
    );
    const out = oneLine(vidcost(['estimate', file]).stdout);
    expect(out).toContain('Workload "w": 1 clip × 5 s at 1080p, 1 generation per kept clip, needs hdr, exr, a batch tier is accepted');
    expect(out).not.toContain('HDR, hdr');
    expect(out).not.toContain('batch ok');
  });

  it('init --help shows lines the estimate really prints', () => {
    const help = vidcost(['init', '--help']).stdout;
    const start = help.indexOf('$ vidcost estimate vidcost.yaml --as-of 2026-06-01');
    const shown = help
      .slice(start)
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '' && l.trim() !== '…');
    const claimed = shown.slice(
      0,
      shown.findIndex((l) => l.trim().startsWith('$')),
    );
    expect(claimed.length).toBeGreaterThan(2);
    const dir = tempDir();
    vidcost(['init'], { cwd: dir });
    const real = vidcost(['estimate', 'vidcost.yaml', '--as-of', '2026-06-01'], { cwd: dir })
      .stdout.split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim());
    for (const line of claimed) expect(real, line).toContain(line.replace(/\s+/g, ' ').trim());
  });
});
