// From an estimate to forecast targets (every offering on its own, and the recommended route) and
// running each over the trials, sharing the work between targets that order the trials alike.
import { type Dec, dec, ONE, ZERO } from '../money/decimal.js';
import { divide } from '../money/decimal-ops.js';
import { pointOf, type Figure } from '../money/figure.js';
import { formatMoney } from '../money/format.js';
import type { Channel } from '../pricing/vocabulary.js';
import { plansFor, type EstimateReport, type OptionResult } from './estimate.js';
import type { Model, Point, Term, UncertainInput } from './forecast-model.js';
import { countOver, type ForecastStats, type RankTrials, summarize, summarizeWithTrials } from './forecast-stats.js';
import { type Columns, type CoverGroup, coverSampled, LinearForm, linearSampled } from './forecast-trials.js';
import { discount, unknownReason as optionUnknownReason } from './option-price.js';
import { cheapestCover } from './plan-cover.js';

function unknownReason(o: OptionResult): string | null {
  return optionUnknownReason(o, (x) => `only a lower bound is known (${formatMoney(x.monthlyUsd)} a month)`);
}

/** The term of one workload on one offering: dollars (api) or credits (web-app) per unit of q. */
function termFor(model: Model, w: number, o: OptionResult, channel: Channel): Term | string {
  const p = o.priced;
  if (!p) return o.reason ?? 'the price is unknown';
  let coef: Figure | null;
  let clip: Dec | null = null;
  let unit: UncertainInput['unit'];
  if (p.billing.kind === 'per_clip') {
    clip = pointOf(p.billing.clipSeconds);
    if (clip === null || clip.eq(0)) return 'the length of a billed clip is not known';
    coef = channel === 'api' ? p.billing.usdPerClip : p.billing.creditsPerClip;
    unit = channel === 'api' ? 'usd/clip' : 'credits/clip';
  } else {
    coef = channel === 'api' ? p.usdPerSecond : p.creditsPerSecond;
    unit = channel === 'api' ? 'usd/s' : 'credits/s';
  }
  if (coef === null || coef.low === null) return o.reason ?? 'the price is unknown';
  if (coef.high === null) return 'only a lower bound of the price is known';
  const factor = channel === 'api' ? discount(o) : ONE;
  const low = coef.low.times(factor);
  const delta = coef.high.minus(coef.low).times(factor);
  const rate = delta.eq(0) ? -1 : model.rateInput(o.offering, low, coef.high.times(factor), unit);
  return { q: model.qFor(w, clip), coefLow: low, coefDelta: delta, rate, coefLowF: Number(low.toString()), coefDeltaF: Number(delta.toString()) };
}

export type Target = { kind: 'linear'; form: LinearForm } | { kind: 'cover'; groups: CoverGroup[] } | { kind: 'unknown'; reason: string; eligible: boolean };

export function offeringTarget(model: Model, report: EstimateReport, i: number): Target {
  const options = report.workloads.map((wr) => wr.options[i]!);
  const blocked = options.findIndex((o) => !o.eligible);
  if (blocked >= 0) return { kind: 'unknown', eligible: false, reason: `${report.workloads[blocked]!.workload.name}: ${options[blocked]!.reason}` };
  const terms: Term[] = [];
  for (const [w, o] of options.entries()) {
    const why = unknownReason(o);
    if (why !== null) return { kind: 'unknown', eligible: true, reason: report.workloads.length > 1 ? `${report.workloads[w]!.workload.name}: ${why}` : why };
    const term = termFor(model, w, o, report.channel);
    if (typeof term === 'string') return { kind: 'unknown', eligible: true, reason: term };
    terms.push(term);
  }
  const form = new LinearForm(model, terms);
  if (report.channel === 'api') return { kind: 'linear', form };
  const vendor = options[0]!.vendor;
  const factor = discount(options[0]!);
  return {
    kind: 'cover',
    groups: [
      { credits: form, plans: plansFor(report.catalog, vendor, report.scenarioData.workloads), seats: report.scenarioData.seats ?? null, factor, vendor },
    ],
  };
}

export function routeTarget(model: Model, report: EstimateReport): Target {
  const r = report.recommendation;
  if (!r.complete) return { kind: 'unknown', eligible: true, reason: 'no complete route: at least one workload has no eligible offering with a known price' };
  const byVendor = new Map<string, { terms: Term[]; workloads: number[]; factor: Dec }>();
  const terms: Term[] = [];
  for (const [w, step] of r.perWorkload.entries()) {
    const o = report.workloads[w]!.options.find((x) => x.offering === step.offering)!;
    const term = termFor(model, w, o, report.channel);
    if (typeof term === 'string') return { kind: 'unknown', eligible: true, reason: `${step.workload}: ${term}` };
    terms.push(term);
    const entry = byVendor.get(o.vendor) ?? { terms: [], workloads: [], factor: discount(o) };
    entry.terms.push(term);
    entry.workloads.push(w);
    byVendor.set(o.vendor, entry);
  }
  if (report.channel === 'api') return { kind: 'linear', form: new LinearForm(model, terms) };
  return {
    kind: 'cover',
    groups: [...byVendor].map(([vendor, e]) => ({
      credits: new LinearForm(model, e.terms),
      plans: plansFor(
        report.catalog,
        vendor,
        e.workloads.map((w) => report.scenarioData.workloads[w]!),
      ),
      seats: report.scenarioData.seats ?? null,
      factor: e.factor,
      vendor,
    })),
  };
}

export function exactTargetAt(target: Target, point: Point): Dec | null {
  if (target.kind === 'linear') return target.form.exactAtPoint(point);
  if (target.kind === 'unknown') return null;
  let total = ZERO;
  for (const g of target.groups) {
    const cover = cheapestCover(g.plans, g.credits.exactAtPoint(point), g.seats);
    if (!cover) return null;
    total = total.plus(cover.usd.times(g.factor));
  }
  return total;
}

/**
 * Targets that are positive multiples of one another in every trial (per-second offerings whose
 * rate is the same for every workload, at different prices) order the trials the same way: the
 * trial at a percentile of one is at that percentile of all of them. Their key is their quantities
 * and the ratios of their coefficients; a rate range or a zero price has no key.
 */
function proportionalKey(target: Target): string | null {
  if (target.kind !== 'linear' || target.form.terms.length === 0) return null;
  const terms = [...target.form.terms].sort((a, b) => a.q - b.q);
  if (terms.some((t) => t.rate >= 0 || !t.coefLow.gt(0))) return null;
  const first = terms[0]!.coefLow;
  return terms.map((t) => `${t.q}:${t.coefLow.div(first).toExactString()}`).join(';');
}

interface ProportionalBase {
  floats: Float64Array;
  ranks: RankTrials;
  /** the base's first coefficient: a target's float cost is the base's × its own ÷ this */
  firstCoef: number;
}

/** Targets with the same terms (two offerings at the same price, the route on one offering) cost the same in every trial. */
function targetKey(target: Target): string {
  const terms = (form: LinearForm) => form.terms.map((t) => `${t.q}:${t.coefLow.toString()}:${t.coefDelta.toString()}:${t.rate}`).join(';');
  if (target.kind === 'linear') return `linear|${terms(target.form)}`;
  if (target.kind === 'unknown') return `unknown|${target.reason}`;
  return `cover|${target.groups.map((g) => `${g.vendor}:${g.factor.toString()}:${g.plans.map((p) => p.name).join(',')}:${terms(g.credits)}`).join('|')}`;
}

export interface RunCache {
  same: Map<string, { stats: ForecastStats | null; reason: string | null }>;
  proportional: Map<string, ProportionalBase>;
}

export function run(target: Target, cols: Columns, ceiling: Dec | null, cache: RunCache): { stats: ForecastStats | null; reason: string | null } {
  const key = targetKey(target);
  const known = cache.same.get(key);
  if (known) return known;
  let result: { stats: ForecastStats | null; reason: string | null };
  const pkey = proportionalKey(target);
  const base = pkey === null ? undefined : cache.proportional.get(pkey);
  if (target.kind === 'linear' && base) {
    // the same trials hold the percentiles; only their exact values and the ceiling count are this target's own
    const form = target.form;
    const exactAt = (t: number) => form.exactAt(cols, t);
    const first = [...form.terms].sort((a, b) => a.q - b.q)[0]!.coefLowF;
    const over = ceiling === null ? null : countOver(base.floats, exactAt, ceiling, (Number(ceiling.toString()) * base.firstCoef) / first);
    result = {
      reason: null,
      stats: {
        p10: exactAt(base.ranks.t10),
        p50: exactAt(base.ranks.t50),
        p90: exactAt(base.ranks.t90),
        mean: divide(form.exactSum(cols), dec(cols.n)),
        trialsOverCeiling: over,
        probabilityOverCeiling: over === null ? null : over / cols.n,
      },
    };
  } else if (target.kind === 'linear' && pkey !== null) {
    const floats = target.form.floats(cols);
    const out = summarizeWithTrials({ floats, exactAt: (t) => target.form.exactAt(cols, t), exactSum: () => target.form.exactSum(cols) }, cols.n, ceiling);
    cache.proportional.set(pkey, { floats, ranks: out.ranks, firstCoef: [...target.form.terms].sort((a, b) => a.q - b.q)[0]!.coefLowF });
    result = { stats: out.stats, reason: null };
  } else {
    result = runOnce(target, cols, ceiling);
  }
  cache.same.set(key, result);
  return result;
}

function runOnce(target: Target, cols: Columns, ceiling: Dec | null): { stats: ForecastStats | null; reason: string | null } {
  if (target.kind === 'unknown') return { stats: null, reason: target.reason };
  const sampled = target.kind === 'linear' ? linearSampled(target.form, cols) : coverSampled(target.groups, cols);
  if ('unknown' in sampled) return { stats: null, reason: sampled.unknown };
  return { stats: summarize(sampled, cols.n, ceiling), reason: null };
}
