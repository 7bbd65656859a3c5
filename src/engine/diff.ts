// `vidcost diff`: what changed between two sets of prices, and what it does to a scenario.
// For every priced variant of every offering: old → new USD per second and credits per second,
// absolute and percent change; offerings and plans added, removed or sunset; changed credit values
// and plan allowances; with a scenario, the monthly cost per offering and on the recommended route.
// Pure: two catalogs (or two sheet sets at two dates) in, a DiffReport out.
import type { Figure } from '../money/figure.js';
import { formatFigure, formatRate } from '../money/format.js';
import { catalogAt, type Catalog } from '../pricing/catalog.js';
import type { Offering, Plan, PriceSheet } from '../pricing/model.js';
import type { Scenario } from '../scenario/model.js';
import { changeOf, compareSnapshots, figuresEqual, snapshotOf, type Change } from './compare.js';
import { estimate } from './estimate.js';
import { planCreditValue } from './price.js';
import { ratesReport, type RateRow } from './rates.js';
import type {
  DiffStatus,
  DiffSide,
  FigureChange,
  RateChange,
  OfferingStatus,
  OfferingChange,
  Correction,
  PlanChange,
  CreditValueChange,
  ScenarioImpact,
  DiffReport,
  DiffOptions,
} from './diff-types.js';

export type * from './diff-types.js';

/** Two sheet sets, each read at its own date (the same set at two dates is `diff --from --to`). */
export function diffSheets(
  base: { sheets: readonly PriceSheet[]; asOf: string },
  now: { sheets: readonly PriceSheet[]; asOf: string },
  options: DiffOptions,
): DiffReport {
  return diffCatalogs(catalogAt(base.sheets, base.asOf), catalogAt(now.sheets, now.asOf), options);
}

export function diffCatalogs(base: Catalog, now: Catalog, options: DiffOptions): DiffReport {
  const resolution = options.resolution ?? '1080p';
  const keep = (vendor: string) => !options.vendors || options.vendors.includes(vendor);
  const side = (c: Catalog, label: string): DiffSide => ({
    label,
    asOf: c.asOf,
    sheets: c.sheets.map((s) => ({ vendor: s.vendor, effective: s.effective, verified: s.verified, file: s.file })),
  });
  const baseRates = ratesReport(base, { resolution, all: true }).rows.filter((r) => keep(r.vendor));
  const nowRates = ratesReport(now, { resolution, all: true }).rows.filter((r) => keep(r.vendor));
  const rates = diffRates(baseRates, nowRates);
  const offerings = diffOfferings(
    base.offerings.filter((o) => keep(o.vendor)),
    now.offerings.filter((o) => keep(o.vendor)),
    base.asOf,
    now.asOf,
    rates,
  );
  const headlines = (c: Catalog) => new Map(ratesReport(c, { resolution }).rows.map((r) => [r.offering, r]));
  const baseHeadlines = headlines(base);
  const nowHeadlines = headlines(now);
  for (const o of offerings) {
    const row = o.status === 'added' ? nowHeadlines.get(o.offering) : o.status === 'removed' ? baseHeadlines.get(o.offering) : undefined;
    if (row) o.headline = { usdPerSecond: row.usdPerSecond, resolution: row.resolution, audio: row.audio, channel: row.channel };
  }
  const corrections = diffCorrections(base, now, baseRates).filter((c) => keep(c.vendor));
  const plans = diffPlans(
    base.plans.filter((p) => keep(p.vendor)),
    now.plans.filter((p) => keep(p.vendor)),
  );
  const creditValues = diffCreditValues(base, now).filter((c) => keep(c.vendor));
  const impact = options.scenario ? scenarioImpact(base, now, options.scenario, options.baseLabel, options.staleAfterDays) : null;
  return {
    kind: 'diff',
    base: side(base, options.baseLabel),
    now: side(now, options.nowLabel),
    resolution,
    offerings,
    rates,
    corrections,
    plans,
    creditValues,
    impact,
  };
}

// --- rates -------------------------------------------------------------------------------------

function variantKey(r: RateRow): string {
  return [r.offering, r.channel, r.resolution ?? 'any', r.audio, r.hdr, r.exr, r.batch].join('|');
}

/** Rows keyed by variant; a variant a sheet lists twice keeps both (#2, #3...). */
function keyed(rows: readonly RateRow[]): Map<string, RateRow> {
  const out = new Map<string, RateRow>();
  for (const r of rows) {
    let key = variantKey(r);
    for (let n = 2; out.has(key); n++) key = `${variantKey(r)}#${n}`;
    out.set(key, r);
  }
  return out;
}

export function figureChange(base: Figure | null, now: Figure | null): FigureChange {
  return { ...changeOf(base, now), baseFigure: base, nowFigure: now };
}

function sameOrBothNull(a: Figure | null, b: Figure | null): boolean {
  return a === null || b === null ? a === b : figuresEqual(a, b);
}

function creditValueText(f: Figure | null): string {
  return f === null ? 'none' : formatFigure(f, 'rate');
}

function diffRates(baseRows: readonly RateRow[], nowRows: readonly RateRow[]): RateChange[] {
  const b = keyed(baseRows);
  const n = keyed(nowRows);
  // By offering, then in the order the variants appear in the sheets (the new side's first).
  const order = new Map<string, number>();
  for (const k of [...n.keys(), ...b.keys()]) if (!order.has(k)) order.set(k, order.size);
  const keys = [...order.keys()].sort((x, y) => {
    const rx = (n.get(x) ?? b.get(x))!;
    const ry = (n.get(y) ?? b.get(y))!;
    return rx.offering.localeCompare(ry.offering) || order.get(x)! - order.get(y)!;
  });
  return keys.map((key) => {
    const o = b.get(key) ?? null;
    const x = n.get(key) ?? null;
    const row = (x ?? o)!;
    const usd = figureChange(o?.usdPerSecond ?? null, x?.usdPerSecond ?? null);
    const credits = figureChange(o?.creditsPerSecond ?? null, x?.creditsPerSecond ?? null);
    const notes: string[] = [];
    let status: DiffStatus;
    if (!o) status = 'added';
    else if (!x) status = 'removed';
    else {
      const same = figuresEqual(o.usdPerSecond, x.usdPerSecond) && sameOrBothNull(o.creditsPerSecond, x.creditsPerSecond);
      status = same ? 'unchanged' : 'changed';
      if (!same) notes.push(...figureNotes(o.usdPerSecond, x.usdPerSecond, usd));
      if (!same && !sameOrBothNull(o.usdPerCredit, x.usdPerCredit)) {
        notes.push(`credit value ${creditValueText(o.usdPerCredit)} → ${creditValueText(x.usdPerCredit)}`);
      }
    }
    return {
      offering: row.offering,
      vendor: row.vendor,
      channel: row.channel,
      resolution: row.resolution,
      audio: row.audio,
      hdr: row.hdr,
      exr: row.exr,
      batch: row.batch,
      status,
      usdPerSecond: usd,
      creditsPerSecond: credits,
      notes,
    };
  });
}

/** What a change of the figure to budget does not show: a range's low end, the honesty marker. */
function figureNotes(base: Figure, now: Figure, change: Change): string[] {
  const notes: string[] = [];
  if (base.low === null && now.low !== null) notes.push('now priced');
  if (base.low !== null && now.low === null) notes.push('price now unknown');
  if (base.low === null || now.low === null) return notes;
  if (!base.low.eq(now.low) && change.change !== null && change.change.eq(0)) notes.push(`low end ${formatRate(base.low)} → ${formatRate(now.low)}`);
  if ((base.high === null) !== (now.high === null)) notes.push(now.high === null ? 'now a lower bound' : 'now bounded');
  if (base.approx !== now.approx) notes.push(now.approx ? 'now approximate' : 'now exact');
  return notes;
}

// --- offerings ---------------------------------------------------------------------------------

function diffOfferings(
  baseList: readonly Offering[],
  nowList: readonly Offering[],
  baseAsOf: string,
  nowAsOf: string,
  rates: readonly RateChange[],
): OfferingChange[] {
  const b = new Map(baseList.map((o) => [o.id, o]));
  const n = new Map(nowList.map((o) => [o.id, o]));
  const ids = [...new Set([...b.keys(), ...n.keys()])].sort((x, y) => x.localeCompare(y));
  return ids.map((id) => {
    const o = b.get(id) ?? null;
    const x = n.get(id) ?? null;
    const any = (x ?? o)!;
    const baseSunset = o?.sunset ?? null;
    const sunset = x?.sunset ?? null;
    const baseShutDown = baseSunset !== null && baseSunset <= baseAsOf;
    const shutDown = sunset !== null && sunset <= nowAsOf;
    const notes: string[] = [];
    let status: OfferingStatus;
    if (!o) {
      status = 'added';
      if (sunset) notes.push(shutDown ? `shut down ${sunset}` : `sunset ${sunset}`);
    } else if (!x) status = 'removed';
    else {
      if (baseSunset !== sunset) {
        if (baseSunset === null) notes.push(`sunset announced: ${sunset}`);
        else if (sunset === null) notes.push(`sunset ${baseSunset} withdrawn`);
        else notes.push(`sunset moved ${baseSunset} → ${sunset}`);
      }
      if (shutDown && !baseShutDown) notes.push(`shut down on ${sunset}`);
      const added = (xs: readonly string[], ys: readonly string[]) => xs.filter((c) => !ys.includes(c));
      const capsIn = added(x.capabilities, o.capabilities);
      const capsOut = added(o.capabilities, x.capabilities);
      if (capsIn.length || capsOut.length) notes.push(`capabilities ${[...capsIn.map((c) => `+${c}`), ...capsOut.map((c) => `-${c}`)].join(' ')}`);
      const chIn = added(x.channels, o.channels);
      const chOut = added(o.channels, x.channels);
      if (chIn.length || chOut.length) notes.push(`channels ${[...chIn.map((c) => `+${c}`), ...chOut.map((c) => `-${c}`)].join(' ')}`);
      const sunsetChanged = baseSunset !== sunset || shutDown !== baseShutDown;
      const ratesChanged = rates.some((r) => r.offering === id && r.status !== 'unchanged');
      status = sunsetChanged ? 'sunset' : ratesChanged || notes.length > 0 ? 'changed' : 'unchanged';
    }
    return { offering: id, vendor: any.vendor, name: any.name, status, baseSunset, sunset, baseShutDown, shutDown, notes, headline: null };
  });
}

// --- corrections -------------------------------------------------------------------------------

/** "…; Corrected in the 2026-12-01 sheet: …" → "Corrected in the 2026-12-01 sheet: …" */
export function correctionOf(note: string | null): string | null {
  if (note === null) return null;
  const m = /(?:^|[.;]\s+)(corrected\b[\s\S]*)$/i.exec(note);
  if (!m) return null;
  const text = m[1]!.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Corrections noted on the base side's rates, for vendors whose sheet the new side replaces. */
function diffCorrections(base: Catalog, now: Catalog, baseRows: readonly RateRow[]): Correction[] {
  const replaced = new Set(base.sheets.filter((s) => now.sheets.some((n) => n.vendor === s.vendor && n.effective !== s.effective)).map((s) => s.vendor));
  const out: Correction[] = [];
  for (const o of base.offerings) {
    if (!replaced.has(o.vendor)) continue;
    for (const rate of o.rates) {
      const correction = correctionOf(rate.note);
      if (correction === null) continue;
      const row = baseRows.find(
        (r) =>
          r.offering === o.id &&
          r.channel === rate.channel &&
          r.resolution === rate.resolution &&
          r.hdr === rate.hdr &&
          r.exr === rate.exr &&
          r.audio === (rate.audio === true || (rate.audio === 'included' && r.audio)),
      );
      out.push({
        offering: o.id,
        vendor: o.vendor,
        channel: rate.channel,
        resolution: rate.resolution,
        audio: rate.audio,
        hdr: rate.hdr,
        exr: rate.exr,
        usdPerSecond: row?.usdPerSecond ?? null,
        correction,
      });
    }
  }
  return out.sort((a, b) => a.offering.localeCompare(b.offering));
}

// --- plans and credit values -------------------------------------------------------------------

function diffPlans(baseList: readonly Plan[], nowList: readonly Plan[]): PlanChange[] {
  const key = (p: Plan) => `${p.vendor}|${p.name}`;
  const b = new Map(baseList.map((p) => [key(p), p]));
  const n = new Map(nowList.map((p) => [key(p), p]));
  const keys = [...n.keys(), ...[...b.keys()].filter((k) => !n.has(k))];
  const vendorOrder = [...new Set(keys.map((k) => k.split('|')[0]!))].sort();
  keys.sort((x, y) => vendorOrder.indexOf(x.split('|')[0]!) - vendorOrder.indexOf(y.split('|')[0]!));
  return keys.map((k) => {
    const o = b.get(k) ?? null;
    const x = n.get(k) ?? null;
    const any = (x ?? o)!;
    const usd = figureChange(o?.usdPerMonth ?? null, x?.usdPerMonth ?? null);
    const credits = figureChange(o?.creditsPerMonth ?? null, x?.creditsPerMonth ?? null);
    const perCredit = figureChange(o ? planCreditValue(o) : null, x ? planCreditValue(x) : null);
    const notes: string[] = [];
    let status: DiffStatus;
    if (!o) status = 'added';
    else if (!x) status = 'removed';
    else {
      if (o.maxResolution !== x.maxResolution) notes.push(`max resolution ${o.maxResolution ?? 'any'} → ${x.maxResolution ?? 'any'}`);
      if (o.watermark !== x.watermark) notes.push(x.watermark ? 'now watermarked' : 'watermark removed');
      if (o.commercialUse !== x.commercialUse) notes.push(x.commercialUse ? 'commercial use now allowed' : 'commercial use no longer allowed');
      const same = figuresEqual(o.usdPerMonth, x.usdPerMonth) && figuresEqual(o.creditsPerMonth, x.creditsPerMonth);
      status = same && notes.length === 0 ? 'unchanged' : 'changed';
    }
    return { vendor: any.vendor, plan: any.name, status, usdPerMonth: usd, creditsPerMonth: credits, usdPerCredit: perCredit, notes };
  });
}

function creditValuesOf(c: Catalog): Map<string, { basis: 'api' | 'plan'; plan: string | null; value: Figure }> {
  const out = new Map<string, { basis: 'api' | 'plan'; plan: string | null; value: Figure }>();
  for (const s of c.sheets) {
    if (s.apiUsdPerCredit) out.set(`${s.vendor}|api`, { basis: 'api', plan: null, value: s.apiUsdPerCredit.value });
    if (s.referencePlan) {
      const plan = c.plans.find((p) => p.vendor === s.vendor && p.name === s.referencePlan);
      if (plan) out.set(`${s.vendor}|plan`, { basis: 'plan', plan: plan.name, value: planCreditValue(plan) });
    }
  }
  return out;
}

function diffCreditValues(base: Catalog, now: Catalog): CreditValueChange[] {
  const b = creditValuesOf(base);
  const n = creditValuesOf(now);
  const keys = [...new Set([...b.keys(), ...n.keys()])].sort();
  return keys.map((k) => {
    const o = b.get(k) ?? null;
    const x = n.get(k) ?? null;
    const any = (x ?? o)!;
    let status: DiffStatus;
    if (!o) status = 'added';
    else if (!x) status = 'removed';
    else status = figuresEqual(o.value, x.value) && o.plan === x.plan ? 'unchanged' : 'changed';
    return { vendor: k.split('|')[0]!, basis: any.basis, plan: any.plan, status, usdPerCredit: figureChange(o?.value ?? null, x?.value ?? null) };
  });
}

// --- scenario impact ---------------------------------------------------------------------------

/** The scenario with its `offerings` list cut to the ones a catalog has (the rest show as new or gone). */
function scenarioFor(catalog: Catalog, scenario: Scenario): Scenario {
  if (!scenario.offerings) return scenario;
  const ids = new Set(catalog.offerings.map((o) => o.id));
  return { ...scenario, offerings: scenario.offerings.filter((id) => ids.has(id)) };
}

function scenarioImpact(base: Catalog, now: Catalog, scenario: Scenario, baseLabel: string, staleAfterDays?: number): ScenarioImpact {
  const run = (c: Catalog) =>
    estimate(c.sheets, scenarioFor(c, scenario), { asOf: c.asOf, forceAsOf: true, ...(staleAfterDays === undefined ? {} : { staleAfterDays }) });
  const b = run(base);
  const n = run(now);
  return { scenario: scenario.name, comparison: compareSnapshots(snapshotOf(b), snapshotOf(n), baseLabel), base: b, now: n };
}

/**
 * How many entries changed, by kind, for summaries. `rates`: variants changed, added or removed
 * within offerings on both sides (an added or removed offering is counted once, as such);
 * `plans` and `creditValues`: changed, added or removed.
 */
export function diffCounts(report: DiffReport): { rates: number; added: number; removed: number; sunset: number; plans: number; creditValues: number } {
  const whole = new Set(report.offerings.filter((o) => o.status === 'added' || o.status === 'removed').map((o) => o.offering));
  return {
    rates: report.rates.filter((r) => r.status !== 'unchanged' && !whole.has(r.offering)).length,
    added: report.offerings.filter((o) => o.status === 'added').length,
    removed: report.offerings.filter((o) => o.status === 'removed').length,
    sunset: report.offerings.filter((o) => o.status === 'sunset').length,
    plans: report.plans.filter((p) => p.status !== 'unchanged').length,
    creditValues: report.creditValues.filter((c) => c.status !== 'unchanged').length,
  };
}
