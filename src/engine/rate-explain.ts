// The arithmetic of a rate out loud, for `vidcost rates --explain`: how a published figure becomes
// dollars per second, the way the article writes it. Words only; the figures come from price.ts.
import { type Dec, dec } from '../money/decimal.js';
import { pointOf, times, type Figure } from '../money/figure.js';
import { formatAmount, formatFigure, formatNumber } from '../money/format.js';
import type { Rate } from '../pricing/model.js';
import type { Channel, Resolution } from '../pricing/vocabulary.js';
import type { Priced } from './price.js';

/** The HDR/EXR premium of a standard variant: the HDR variant's cost per second ÷ its own. */
export interface Premium {
  ratio: Dec;
  /** the HDR variant compared against, with what each side costs per second */
  hdr: Rate;
  hdrPerSecond: Dec;
  standardPerSecond: Dec;
  unit: 'credits' | 'usd';
}

function describe(resolution: Resolution | null, audio: boolean | 'included', hdr = false, exr = false): string {
  const parts = [resolution ?? 'any resolution'];
  if (hdr) parts.push(exr ? 'HDR+EXR' : 'HDR');
  if (audio === true) parts.push('with audio');
  else if (audio === false) parts.push('without audio');
  return parts.join(' ');
}

interface ExplainContext {
  /** the resolution asked for (headline rows), to say when the figure is for another one */
  wanted: Resolution | null;
  /** the variant the credits figure is for when it is not the row's own */
  creditsFor: { channel: Channel; resolution: Resolution; audio: boolean } | null;
  creditsPerSecond: Figure | null;
  premium: Premium | null;
}

/**
 * The arithmetic out loud, the way the article writes it ("12 credits × $0.01 per credit = $0.12
 * per second"). Numbers are written plainly; a line resting on an approximate figure says so.
 */
export function explain(p: Priced, clipSeconds: number, context: Partial<ExplainContext> = {}): string[] {
  const lines: string[] = [];
  const say = (text: string, ...inputs: (Figure | null | undefined)[]) => {
    lines.push(inputs.some((f) => f?.approx) ? `${text} (approximate)` : text);
  };
  const plain = (f: Figure, style: 'money' | 'rate' | 'count') => formatFigure(f, style, { tilde: false });
  const amount = (f: Figure) => formatAmount({ low: f.low, high: f.high, approx: false });
  const unit = p.rate.unit;
  const cv = p.creditValue;
  const credit = cv ? plain(cv.usdPerCredit, 'rate') : '';
  const vendor = p.offering.vendor;
  if (context.wanted && p.rate.resolution && p.rate.resolution !== context.wanted) {
    say(`no ${context.wanted} price is published; the figure is for ${p.rate.resolution}`);
  }
  if (cv?.plan && cv.basis === 'plan') {
    say(`${cv.plan.name} plan: ${amount(cv.plan.usdPerMonth)} ÷ ${plain(cv.plan.creditsPerMonth, 'count')} credits = ${credit} per credit`, cv.usdPerCredit);
  }
  if (cv?.basis === 'override') say(`${credit} per credit, as the scenario's overrides say`);
  if (cv && cv.usdPerCredit.low === null) {
    say(`the dollar value of a ${vendor} credit is unknown: no source gives it (supply it with overrides: { ${vendor}: { usd_per_credit: ... } })`);
  }
  switch (unit.kind) {
    case 'usd_per_second':
      if (p.rate.conflict) {
        // never one figure picked: each source's price, and the range they span
        const each = p.rate.conflict.map((c) => `${plain(c.usdPerSecond, 'rate')} (${c.source})`).join(' against ');
        say(`sources disagree: ${each}; priced as the range they span, ${plain(unit.usd, 'rate')} per second`, unit.usd);
      } else say(`${plain(unit.usd, 'rate')} per second, as published`, unit.usd);
      break;
    case 'credits_per_second':
      if (unit.credits.low === null) {
        say(`no source publishes the credits per second on the ${p.rate.channel} channel: the price per second is unknown`);
        break;
      }
      say(
        `${plain(unit.credits, 'count')} credits × ${credit} per credit = ${plain(times(unit.credits, cv!.usdPerCredit), 'rate')} per second`,
        unit.credits,
        cv?.usdPerCredit,
      );
      break;
    case 'credits_per_clip':
      if (p.billing.kind === 'per_clip' && p.billing.creditsPerClip) {
        const len = plain(unit.clipSeconds, 'count');
        say(
          `${plain(p.billing.creditsPerClip, 'count')} credits × ${credit} per credit = ${plain(p.billing.usdPerClip, 'money')} per ${len}-second clip`,
          p.billing.creditsPerClip,
          cv?.usdPerCredit,
        );
        if (p.creditsPerSecond)
          say(
            `${plain(p.billing.creditsPerClip, 'count')} credits ÷ ${len} seconds = ${plain(p.creditsPerSecond, 'count')} credits per second`,
            p.creditsPerSecond,
          );
      }
      break;
    case 'usd_per_clip':
      if (unit.perClips !== 1 && p.billing.kind === 'per_clip') {
        say(`${amount(unit.usd)} ÷ ${unit.perClips} clips = ${plain(p.billing.usdPerClip, 'money')} per clip`, unit.usd);
      }
      break;
    case 'gpu': {
      const gpuSeconds = pointOf(unit.gpuSecondsPerOutputSecond);
      if (gpuSeconds === null) {
        say(
          `${formatFigure(unit.usdPerGpuHour, 'rate')} per GPU-hour; the GPU-seconds one second of video takes depend on the model: unknown (supply gpu_seconds_per_output_second in overrides)`,
        );
      } else {
        say(
          `${amount(unit.usdPerGpuHour)} per GPU-hour ÷ 3,600 seconds × ${plain(unit.gpuSecondsPerOutputSecond, 'count')} GPU-seconds per second of video = ${plain(p.usdPerSecond, 'rate')} per second`,
          p.usdPerSecond,
        );
      }
      break;
    }
  }
  if (p.billing.kind === 'per_clip') {
    const len = pointOf(p.billing.clipSeconds);
    if (len === null) {
      say(`${plain(p.billing.usdPerClip, 'money')} per generation; the length of one generation is not given, so the price per second is unknown`);
    } else if (p.usdPerSecond.low !== null) {
      say(
        `${plain(p.billing.usdPerClip, 'money')} per clip ÷ ${formatNumber(len)} seconds = ${plain(p.usdPerSecond, 'rate')} per second`,
        p.billing.usdPerClip,
      );
      say(`billed per whole clip: up to ${formatNumber(len)} seconds pays for one, up to ${formatNumber(len.times(2))} for two`);
    }
  }
  if (p.batch && p.offering.batch) {
    say(
      `batch tier (${p.offering.batch.latency}): ${plain(p.offering.batch.factor, 'count')} × the standard price = ${plain(p.usdPerSecond, 'rate')} per second`,
      p.offering.batch.factor,
    );
  }
  if (p.billing.kind === 'per_second' && p.usdPerSecond.low !== null) {
    const seconds = dec(clipSeconds);
    say(
      `${formatNumber(seconds)} seconds × ${plain(p.usdPerSecond, 'rate')} per second = ${plain(times(p.usdPerSecond, seconds), 'money')} per clip`,
      p.usdPerSecond,
    );
  }
  if (context.creditsFor && context.creditsPerSecond) {
    const f = context.creditsFor;
    say(
      `on the ${f.channel} channel: ${plain(context.creditsPerSecond, 'count')} credits per second at ${describe(f.resolution, f.audio)} (the credits column)`,
      context.creditsPerSecond,
    );
  }
  const premium = context.premium;
  if (premium) {
    const hdrName = describe(premium.hdr.resolution, 'included', true, premium.hdr.exr);
    const stdName = describe(p.rate.resolution, 'included');
    const hu = premium.hdr.unit;
    const su = unit;
    const ratio = `${formatNumber(premium.ratio)}× ${stdName} SDR`;
    if (
      premium.unit === 'credits' &&
      hu.kind === 'credits_per_clip' &&
      su.kind === 'credits_per_clip' &&
      pointOf(hu.clipSeconds)?.eq(pointOf(su.clipSeconds) ?? -1) &&
      hu.perClips === su.perClips
    ) {
      say(
        `${hdrName}: ${plain(hu.credits, 'count')} ÷ ${plain(su.credits, 'count')} credits per ${plain(hu.clipSeconds, 'count')}-second clip = ${ratio}`,
        hu.credits,
        su.credits,
      );
    } else {
      say(
        `${hdrName}: ${formatNumber(premium.hdrPerSecond)} ÷ ${formatNumber(premium.standardPerSecond)} ${premium.unit === 'credits' ? 'credits' : 'USD'} per second = ${ratio}`,
      );
    }
  }
  return lines;
}
