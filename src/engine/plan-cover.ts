// The cheapest plan, or set of plans (seats), whose monthly credits cover what a workload needs.
// Exact branch and bound over the vendor's few plans, most credits-per-dollar first. Plans are per
// seat: with the team's seat count known, at most that many plans are bought; a free plan counts
// once (one account), however many seats.
import { type Dec, dec, ZERO } from '../money/decimal.js';
import { ceilDiv, divide } from '../money/decimal-ops.js';
import { pointOf } from '../money/figure.js';
import type { Plan } from '../pricing/model.js';

export interface PlanCount {
  plan: Plan;
  count: number;
}

export interface Cover {
  plans: PlanCount[];
  usd: Dec;
  credits: Dec;
  leftover: Dec;
  /** any plan price or allowance used is approximate */
  approx: boolean;
  /** plans bought, one per seat */
  seats: number;
  /** the vendor's plans that could not be counted: price or credit allowance unknown (or a range) */
  uncounted: Plan[];
}

interface Usable {
  plan: Plan;
  price: Dec;
  credits: Dec;
  /** USD per credit, rounded down: only used to bound the search, never reported */
  perCredit: Dec;
}

/** Plans that can be counted on: both price and credit allowance known as single values, credits > 0. */
export function usablePlans(plans: readonly Plan[]): Usable[] {
  const out: Usable[] = [];
  for (const plan of plans) {
    const price = pointOf(plan.usdPerMonth);
    const credits = pointOf(plan.creditsPerMonth);
    if (price === null || credits === null || credits.lte(0)) continue;
    out.push({ plan, price, credits, perCredit: divide(price, credits) });
  }
  // cheapest credits first; ties: the smaller plan first, for fewer leftover credits
  return out.sort((a, b) => a.perCredit.cmp(b.perCredit) || a.credits.cmp(b.credits));
}

/** How many of a plan one team may hold: a free plan once (one account), any other plan once per seat. */
function mostOf(u: Usable, seats: number | null): number {
  if (u.price.eq(0)) return 1;
  return seats ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The cheapest set of plans whose credits cover `needed`, with at most `seats` plans when the team's
 * seat count is known; null when no such set exists.
 */
export function cheapestCover(plans: readonly Plan[], needed: Dec, seats: number | null = null): Cover | null {
  const usable = usablePlans(plans);
  const uncounted = plans.filter((p) => !usable.some((u) => u.plan === p));
  if (needed.lte(0)) return { plans: [], usd: ZERO, credits: ZERO, leftover: ZERO, approx: false, seats: 0, uncounted };
  if (usable.length === 0) return null;
  let best: { usd: Dec; credits: Dec; counts: number[] } | null = null;
  const counts = usable.map(() => 0);
  let steps = 0;
  const search = (i: number, remaining: Dec, cost: Dec, credits: Dec, used: number): void => {
    steps += 1;
    if (remaining.lte(0)) {
      if (best === null || cost.lt(best.usd) || (cost.eq(best.usd) && credits.lt(best.credits))) best = { usd: cost, credits, counts: [...counts] };
      return;
    }
    if (i >= usable.length || steps > 200_000) return;
    const u = usable[i]!;
    const free = seats === null ? Number.MAX_SAFE_INTEGER : seats - used;
    const most = Math.min(Number(ceilDiv(remaining, u.credits).toFixed(0)), mostOf(u, seats), free);
    for (let k = most; k >= 0; k--) {
      const kd = dec(k);
      const nextRemaining = remaining.minus(u.credits.times(kd));
      const nextCost = cost.plus(u.price.times(kd));
      // Lower bound: the rest bought at the next plan's price per credit (no cheaper plan remains;
      // the seat limit only raises the true cost, so the bound still holds).
      const next = usable[i + 1];
      const bound = nextRemaining.gt(0) ? (next ? nextCost.plus(nextRemaining.times(next.perCredit)) : null) : nextCost;
      if (bound === null) {
        if (nextRemaining.gt(0)) break; // nothing left to cover the rest, and fewer of this plan only leaves more
      } else if (best !== null && bound.gt((best as { usd: Dec }).usd)) break; // bound only grows as k falls
      counts[i] = k;
      search(i + 1, nextRemaining, nextCost, credits.plus(u.credits.times(kd)), used + k);
      counts[i] = 0;
    }
  };
  search(0, needed, ZERO, ZERO, 0);
  if (best === null) return null;
  const found = best as { usd: Dec; credits: Dec; counts: number[] };
  const chosen = usable.map((u, i) => ({ plan: u.plan, count: found.counts[i]! })).filter((c) => c.count > 0);
  return {
    plans: chosen,
    usd: found.usd,
    credits: found.credits,
    leftover: found.credits.minus(needed),
    approx: chosen.some((c) => c.plan.usdPerMonth.approx || c.plan.creditsPerMonth.approx),
    seats: chosen.reduce((n, c) => n + c.count, 0),
    uncounted,
  };
}

/** The most credits `seats` plans can hold (a free plan once), for saying why no cover fits. */
export function mostCredits(plans: readonly Plan[], seats: number): Dec {
  const byCredits = usablePlans(plans).sort((a, b) => b.credits.cmp(a.credits));
  let left = seats;
  let total = ZERO;
  for (const u of byCredits) {
    const k = Math.min(left, mostOf(u, seats));
    total = total.plus(u.credits.times(dec(k)));
    left -= k;
    if (left === 0) break;
  }
  return total;
}
