// The shape of an estimate report, for the engine that builds it, the advisories that read it and
// the renderers. Types only.
import type { Dec } from '../money/decimal.js';
import type { Figure } from '../money/figure.js';
import type { Catalog } from '../pricing/catalog.js';
import type { Scenario, Workload } from '../scenario/model.js';
import type { Advisory } from './advisory-types.js';
import type { Cover } from './plan-cover.js';
import type { Priced, UnknownReason } from './price.js';

export interface EstimateOptions {
  /** the date prices are taken at; the scenario's as_of wins unless `forceAsOf` */
  asOf: string;
  forceAsOf?: boolean;
  /** a sheet verified more than this many days before as_of is stale (default 60) */
  staleAfterDays?: number;
}

export interface OptionResult {
  offering: string;
  vendor: string;
  eligible: boolean;
  /** why not eligible, or why the price is unknown */
  reason: string | null;
  /** eligible with an unknown cost because the price is unknown: why, so a report can say how to supply it */
  unknownBecause: UnknownReason | null;
  usdPerSecond: Figure | null;
  /** cost of one kept clip, generations included */
  usdPerKeptClip: Figure;
  /** credits one kept clip uses, where the unit is credits */
  creditsPerKeptClip: Figure | null;
  monthlyUsd: Figure;
  /** web-app channel: the plans that cover this workload alone */
  cover: Cover | null;
  overridden: boolean;
  discountPct: Dec | null;
  batch: boolean;
  priced: Priced | null;
}

export interface WorkloadResult {
  workload: Workload;
  billedGenerations: Dec;
  options: OptionResult[];
}

export interface OfferingTotal {
  offering: string;
  vendor: string;
  /** eligible for every workload */
  eligible: boolean;
  reason: string | null;
  monthlyUsd: Figure;
  /** web-app channel: plans covering every workload's credits together */
  cover: Cover | null;
  overridden: boolean;
}

export interface RouteStep {
  workload: string;
  offering: string | null;
  monthlyUsd: Figure;
  reason: string | null;
}

export interface Recommendation {
  perWorkload: RouteStep[];
  /** the mixed route: every workload on its cheapest eligible offering */
  monthlyUsd: Figure;
  complete: boolean;
  /** the cheapest single offering that serves every workload */
  cheapestSingle: { offering: string; monthlyUsd: Figure } | null;
  /** web-app channel: plans per vendor for the route */
  covers: { vendor: string; cover: Cover }[];
}

export interface EstimateReport {
  kind: 'estimate';
  scenario: string;
  asOf: string;
  channel: Scenario['channel'];
  currency: 'USD';
  ceiling: Dec | null;
  maxRegenerations: Dec | null;
  workloads: WorkloadResult[];
  totals: OfferingTotal[];
  recommendation: Recommendation;
  advisories: Advisory[];
  /** the sheets the prices came from, for traceability */
  sheets: { vendor: string; effective: string; verified: string; file: string; provenance: string }[];
  catalog: Catalog;
  scenarioData: Scenario;
  staleAfterDays: number;
}
