// `vidcost actuals`, part one: usage rows in, month-to-date figures out. Rows are added one at a
// time and folded into groups of rows that cost the same (day, offering, variant, status, seconds,
// workload), so a log of a million rows is priced a few hundred times, not a million, and memory
// holds the groups and one small number per job, never the rows. Pure: the clock is `asOf`.
import { type Dec, dec, ZERO } from '../money/decimal.js';
import { atLeast, exact, plus, times, UNKNOWN, type Figure } from '../money/figure.js';
import { catalogAt, type Catalog } from '../pricing/catalog.js';
import type { Offering, PriceSheet } from '../pricing/model.js';
import type { Scenario } from '../scenario/model.js';
import type { RowPlace, UsageRow, UsageStatus } from '../usage/usage-log.js';
import { daysInMonthOf } from '../usage/usage-log.js';
import { discountFactor } from './estimate.js';
import { costPerGeneration, priceFor, type PriceContext } from './price.js';

const DAY_MS = 86_400_000;
const DRIFT_LOW = dec('0.99');
const DRIFT_HIGH = dec('1.01');

export interface ActualsOptions {
  /** YYYY-MM-DD: the month is the calendar month (UTC) holding it; it counts as a whole day */
  asOf: string;
  scenario?: Scenario | null;
}

/** What one row of a group costs by vidcost's prices, worked out once per group. */
export interface RowCost {
  /** the offering is in the sheets in force on the row's day */
  known: boolean;
  /** vidcost's price of the row as billed: 0 for an unbilled failure, 0 to full price when billing of failures is unknown; UNKNOWN when there is no price */
  priced: Figure;
  /** a failed or canceled row on an offering whose sheet does not say whether failures are billed */
  failedBillingUnknown: boolean;
  /** why there is no price (unknown offering, variant not priced) */
  reason: string | null;
  /** a reported charge outside [low, high] is more than 1% from vidcost's price; null: not checked */
  driftLow: Dec | null;
  driftHigh: Dec | null;
}

export interface DriftExample {
  place: RowPlace;
  usd: string;
  /** vidcost's price of the same row */
  priced: Figure;
}

export interface UsageGroup {
  day: number;
  offering: string;
  status: UsageStatus;
  workload: string | null;
  source: UsageRow['source'];
  seconds: string;
  count: number;
  /** rows that carry a reported charge, and its sum */
  reported: number;
  reportedUsd: Dec;
  cost: RowCost;
  drifted: number;
  driftExample: DriftExample | null;
}

export interface WorkloadTally {
  name: string | null;
  generations: number;
  succeeded: number;
  keptClips: number;
  /** per job: succeeded generations × 2, plus 1 once a generation was kept (a small integer per job) */
  jobs: Map<string, number>;
}

export interface MonthWindow {
  month: string;
  year: number;
  monthNumber: number;
  daysInMonth: number;
  daysElapsed: number;
  start: number;
  /** exclusive: the end of the as_of day */
  end: number;
}

export function monthWindow(asOf: string): MonthWindow {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) throw new RangeError(`as_of must be YYYY-MM-DD, found ${asOf}`);
  const year = Number(m[1]);
  const monthNumber = Number(m[2]);
  const day = Number(m[3]);
  const start = Date.UTC(year, monthNumber - 1, 1);
  return { month: `${m[1]}-${m[2]}`, year, monthNumber, daysInMonth: daysInMonthOf(year, monthNumber), daysElapsed: day, start, end: start + day * DAY_MS };
}

/** The date of day `d` of the window's month, YYYY-MM-DD. */
export function dayDate(w: MonthWindow, d: number): string {
  return `${w.month}-${String(d).padStart(2, '0')}`;
}

export class ActualsAccumulator {
  readonly window: MonthWindow;
  readonly groups = new Map<string, UsageGroup>();
  readonly workloads = new Map<string, WorkloadTally>();
  rowsRead = 0;
  rowsBeforeMonth = 0;
  rowsAfterAsOf = 0;
  rowsSkipped = 0;
  private readonly days = new Map<number, { ctx: PriceContext; byId: Map<string, Offering> }>();

  constructor(
    readonly sheets: readonly PriceSheet[],
    readonly options: ActualsOptions,
  ) {
    this.window = monthWindow(options.asOf);
  }

  /** FOCUS rows that are not video usage: counted, never errors. */
  skip(count: number): void {
    this.rowsSkipped += count;
  }

  /** One row, read at `line` of `file` (kept only as the example of a drifted charge). */
  add(row: UsageRow, file: string, line: number): void {
    this.rowsRead++;
    const w = this.window;
    if (row.time < w.start) {
      this.rowsBeforeMonth++;
      return;
    }
    if (row.time >= w.end) {
      this.rowsAfterAsOf++;
      return;
    }
    const day = Math.floor((row.time - w.start) / DAY_MS) + 1;
    const key = `${day}\u0001${row.offering}\u0001${row.resolution}\u0001${row.audio ? 1 : 0}${row.hdr ? 1 : 0}${row.batch ? 1 : 0}\u0001${row.status}\u0001${row.seconds}\u0001${row.workload ?? ''}\u0001${row.workload === null ? 0 : 1}${row.source}`;
    let g = this.groups.get(key);
    if (g === undefined) {
      g = {
        day,
        offering: row.offering,
        status: row.status,
        workload: row.workload,
        source: row.source,
        seconds: row.seconds,
        count: 0,
        reported: 0,
        reportedUsd: ZERO,
        cost: this.costOf(row, day),
        drifted: 0,
        driftExample: null,
      };
      this.groups.set(key, g);
    }
    g.count++;
    if (row.usd !== null) {
      const usd = dec(row.usd);
      g.reported++;
      g.reportedUsd = g.reportedUsd.plus(usd);
      const { driftLow, driftHigh } = g.cost;
      if (driftLow !== null && (usd.lt(driftLow) || (driftHigh !== null && usd.gt(driftHigh)))) {
        g.drifted++;
        g.driftExample ??= { place: { file, line }, usd: row.usd, priced: g.cost.priced };
      }
    }
    if (row.source === 'log') this.tally(row);
  }

  private tally(row: UsageRow): void {
    const name = row.workload ?? '';
    let t = this.workloads.get(name);
    if (t === undefined) {
      t = { name: row.workload, generations: 0, succeeded: 0, keptClips: 0, jobs: new Map() };
      this.workloads.set(name, t);
    }
    t.generations++;
    const job = row.job!;
    const before = t.jobs.get(job) ?? 0;
    let now = before;
    if (row.status === 'succeeded') {
      t.succeeded++;
      now += 2;
    }
    if (row.kept && (before & 1) === 0) {
      t.keptClips++;
      now |= 1;
    }
    if (now !== before || before === 0) t.jobs.set(job, now);
  }

  private dayCatalog(day: number): { ctx: PriceContext; byId: Map<string, Offering> } {
    let c = this.days.get(day);
    if (c === undefined) {
      const catalog: Catalog = catalogAt(this.sheets, dayDate(this.window, day));
      c = { ctx: { catalog, overrides: this.options.scenario?.overrides }, byId: new Map(catalog.offerings.map((o) => [o.id, o])) };
      this.days.set(day, c);
    }
    return c;
  }

  private costOf(row: UsageRow, day: number): RowCost {
    const { ctx, byId } = this.dayCatalog(day);
    const offering = byId.get(row.offering);
    if (!offering) {
      return {
        known: false,
        priced: UNKNOWN,
        failedBillingUnknown: false,
        reason: `not in the price sheets in force on ${dayDate(this.window, day)}`,
        driftLow: null,
        driftHigh: null,
      };
    }
    const failed = row.status !== 'succeeded';
    const failedBillingUnknown = failed && offering.billsFailed === 'unknown';
    const p = priceFor(ctx, offering, { channel: 'api', resolution: row.resolution, audio: row.audio, hdr: row.hdr, exr: false, batch: row.batch });
    if (failed && offering.billsFailed === false) {
      // the sheet says failures are not billed: vidcost's price is 0, and a charge on one is drift
      return { known: true, priced: exact(ZERO), failedBillingUnknown: false, reason: null, driftLow: ZERO, driftHigh: ZERO };
    }
    if (p.status !== 'priced') return { known: true, priced: UNKNOWN, failedBillingUnknown, reason: p.reason, driftLow: null, driftHigh: null };
    const seconds = exact(dec(row.seconds));
    // a billing-export row sums many requests: price its seconds, not whole clips
    let full: Figure = row.source === 'focus' ? times(p.usdPerSecond, seconds) : costPerGeneration(p, seconds);
    if (this.options.scenario) full = times(full, discountFactor(this.options.scenario, offering.vendor).factor);
    if (full.low === null)
      return { known: true, priced: UNKNOWN, failedBillingUnknown, reason: 'its price is unknown in the sheets', driftLow: null, driftHigh: null };
    if (failedBillingUnknown) {
      // billed or not, nobody has said: anything from nothing to the full price
      return { known: true, priced: { low: ZERO, high: full.high, approx: full.approx }, failedBillingUnknown, reason: null, driftLow: null, driftHigh: null };
    }
    return {
      known: true,
      priced: full,
      failedBillingUnknown: false,
      reason: null,
      driftLow: full.low.times(DRIFT_LOW),
      driftHigh: full.high === null ? null : full.high.times(DRIFT_HIGH),
    };
  }
}

/** What a group adds to spend: the reported charges, and vidcost's price of the rows that have none (at least 0 when unknown). */
export function groupSpend(g: UsageGroup): Figure {
  const unreported = g.count - g.reported;
  const reported = exact(g.reportedUsd);
  if (unreported === 0) return reported;
  const each = g.cost.priced.low === null ? atLeast(ZERO) : g.cost.priced;
  return plus(reported, times(each, dec(unreported)));
}

/** vidcost's own price of every row of the group (UNKNOWN without a price). */
export function groupPriced(g: UsageGroup): Figure {
  return times(g.cost.priced, dec(g.count));
}
