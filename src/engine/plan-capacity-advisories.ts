// plan-capacity: how many kept clips each seat plan's credits buy, at the web app's credit cost,
// for every workload and offering a plan could serve, worst first.
import type { Dec } from '../money/decimal.js';
import { compareRatioKeys, floorDiv, ratioKey, type RatioKey } from '../money/decimal-ops.js';
import { budgetOf, exact, times } from '../money/figure.js';
import { formatFigure, formatNumber } from '../money/format.js';
import type { Offering } from '../pricing/model.js';
import type { Workload } from '../scenario/model.js';
import type { Advisory } from './advisory-types.js';
import { capital, flat, plural } from './advisory-words.js';
import type { EstimateReport } from './estimate-types.js';
import { perKeptClip, planAllows } from './option-cost.js';
import { priceFor, type PriceContext, type Priced } from './price.js';

export function planCapacityAdvisories(report: EstimateReport, considered: readonly Offering[]): Advisory[] {
  const ctx: PriceContext = { catalog: report.catalog, overrides: report.scenarioData.overrides };
  // worst first: where the biggest plan holds the smallest share (most ÷ needed) of the credits needed
  const capacity: { advisory: Advisory; share: RatioKey | null }[] = [];
  // what decides the candidates (capabilities, resolution) is shared by many workloads: found once
  const candidatesAt = new Map<string, CapacityCandidate[]>();
  for (const wr of report.workloads) {
    const w = wr.workload;
    const key = `${w.resolution}\n${w.audio ? 1 : 0}${w.hdr ? 1 : 0}\n${w.requires.join(',')}`;
    let candidates = candidatesAt.get(key);
    if (!candidates) candidatesAt.set(key, (candidates = capacityCandidates(ctx, considered, w)));
    if (candidates.length === 0) continue;
    const seconds = exact(w.secondsPerClip);
    const secondsTimesGens = times(seconds, wr.billedGenerations);
    const clips = plural(formatNumber(w.clipsPerMonth), 'clip');
    for (const c of candidates) {
      // credits one kept clip uses in the web app, where plan credits are spent: the estimate's own product
      const perClipFigure = perKeptClip(c.price, seconds, secondsTimesGens, wr.billedGenerations, true);
      const perClip = budgetOf(perClipFigure);
      if (perClip === null || perClip.isZero()) continue;
      const per = formatFigure(perClipFigure, 'count', { tilde: false });
      let parts = '';
      for (const p of c.plans) {
        parts += `${parts === '' ? '' : '; '}${p.label} ÷ ${per} credits per kept clip = ${plural(clipsOf(p.credits, perClip), 'whole clip')} a month`;
      }
      capacity.push({
        share: w.clipsPerMonth.isZero() ? null : ratioKey(c.most, perClip.times(w.clipsPerMonth)),
        advisory: {
          code: 'plan-capacity',
          severity: 'info',
          workload: w.name,
          offering: c.offering.id,
          message: flat`${w.name} on ${c.offering.id} needs ${clips} a month. ${parts}.`,
        },
      });
    }
  }
  capacity.sort((a, b) => (a.share === null ? (b.share === null ? 0 : 1) : b.share === null ? -1 : compareRatioKeys(a.share, b.share)));
  return capacity.map((c) => c.advisory);
}

/** Whole clips a plan's credits pay for, rounded down: a clip is made whole or not at all ("16", not "16.6"). */
function clipsOf(credits: Dec, perClip: Dec): string {
  return formatNumber(floorDiv(credits, perClip));
}

interface CapacityCandidate {
  offering: Offering;
  /** the offering's web-app price for the variant */
  price: Priced;
  /** the vendor's plans with a credit allowance that allow the resolution, each with its "Name: N credits" */
  plans: { credits: Dec; label: string }[];
  /** the largest allowance among them */
  most: Dec;
}

/**
 * The offerings that can make a workload's clip (an offering without, say, dialogue has no capacity
 * to report), are priced in the web app, and whose vendor has plans that allow its resolution.
 */
function capacityCandidates(ctx: PriceContext, considered: readonly Offering[], w: Workload): CapacityCandidate[] {
  const out: CapacityCandidate[] = [];
  for (const o of considered) {
    if ((w.audio && !o.capabilities.includes('audio')) || (w.hdr && !o.capabilities.includes('hdr')) || w.requires.some((c) => !o.capabilities.includes(c)))
      continue;
    const plans = ctx.catalog.plans.filter((p) => p.vendor === o.vendor && budgetOf(p.creditsPerMonth) !== null && planAllows(p, [w]));
    if (plans.length === 0 || !o.channels.includes('web-app')) continue;
    const price = priceFor(ctx, o, { channel: 'web-app', resolution: w.resolution, audio: w.audio, hdr: w.hdr, exr: w.requires.includes('exr'), batch: false });
    // a web-app price in dollars only says nothing about plan credits
    if (price.status !== 'priced' || (price.billing.kind === 'per_clip' ? price.billing.creditsPerClip === null : price.creditsPerSecond === null)) continue;
    const allowances = plans.map((p) => {
      const credits = budgetOf(p.creditsPerMonth)!;
      return { credits, label: `${capital(p.vendor)} ${p.name}: ${formatNumber(credits)} credits` };
    });
    const most = allowances.map((p) => p.credits).reduce((a, b) => (b.gt(a) ? b : a));
    out.push({ offering: o, price, plans: allowances, most });
  }
  return out;
}
