// The shape of a diff report, for the engine that builds it (diff.ts) and the renderers. Types only.
import type { Figure } from '../money/figure.js';
import type { Channel, Resolution } from '../pricing/vocabulary.js';
import type { Scenario } from '../scenario/model.js';
import type { Change, Comparison } from './compare.js';
import type { EstimateReport } from './estimate.js';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffSide {
  /** what the reader calls this side: a file, a folder, a date */
  label: string;
  asOf: string;
  sheets: { vendor: string; effective: string; verified: string; file: string }[];
}

export interface FigureChange extends Change {
  baseFigure: Figure | null;
  nowFigure: Figure | null;
}

export interface RateChange {
  offering: string;
  vendor: string;
  channel: Channel;
  /** null: the source names no resolution */
  resolution: Resolution | null;
  audio: boolean;
  hdr: boolean;
  exr: boolean;
  batch: boolean;
  status: DiffStatus;
  usdPerSecond: FigureChange;
  creditsPerSecond: FigureChange;
  /** what else changed: "low end ~$0.07 → ~$0.08", "now approximate", "credit value changed" */
  notes: string[];
}

export type OfferingStatus = 'added' | 'removed' | 'sunset' | 'changed' | 'unchanged';

export interface OfferingChange {
  offering: string;
  vendor: string;
  name: string;
  status: OfferingStatus;
  baseSunset: string | null;
  sunset: string | null;
  /** shut down (sunset on or before the side's date) */
  baseShutDown: boolean;
  shutDown: boolean;
  notes: string[];
  /** for an offering added or removed: its headline rate on the side it exists on (see `vidcost rates`) */
  headline: { usdPerSecond: Figure; resolution: Resolution | null; audio: boolean; channel: Channel } | null;
}

/**
 * A base figure that the newer sheet says was wrong: the base rate's note carries a sentence
 * starting "Corrected" (the sheets of one date are kept as the record of what a source said; a
 * note is how a later check marks a figure it contradicts).
 */
export interface Correction {
  offering: string;
  vendor: string;
  channel: Channel;
  resolution: Resolution | null;
  audio: boolean | 'included';
  hdr: boolean;
  exr: boolean;
  /** the base figure, USD per second (null where the variant had no priced row) */
  usdPerSecond: Figure | null;
  correction: string;
}

export interface PlanChange {
  vendor: string;
  plan: string;
  status: DiffStatus;
  usdPerMonth: FigureChange;
  creditsPerMonth: FigureChange;
  /** USD per credit the plan works out to (price ÷ credits) */
  usdPerCredit: FigureChange;
  notes: string[];
}

export interface CreditValueChange {
  vendor: string;
  /** api: the sheet's API credit value; plan: the reference plan's price ÷ credits (web app) */
  basis: 'api' | 'plan';
  plan: string | null;
  status: DiffStatus;
  usdPerCredit: FigureChange;
}

export interface ScenarioImpact {
  scenario: string;
  comparison: Comparison;
  base: EstimateReport;
  now: EstimateReport;
}

export interface DiffReport {
  kind: 'diff';
  base: DiffSide;
  now: DiffSide;
  /** resolution used to price variants whose source names none */
  resolution: Resolution;
  offerings: OfferingChange[];
  rates: RateChange[];
  /** base figures a newer sheet of the same vendor corrects */
  corrections: Correction[];
  plans: PlanChange[];
  creditValues: CreditValueChange[];
  impact: ScenarioImpact | null;
}

export interface DiffOptions {
  baseLabel: string;
  nowLabel: string;
  scenario?: Scenario;
  /** only these vendors' offerings, plans and credit values are listed (the scenario still sees all) */
  vendors?: readonly string[];
  resolution?: Resolution;
  staleAfterDays?: number;
}
