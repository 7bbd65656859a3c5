import type { Dec } from '../money/decimal.js';
import type { Figure } from '../money/figure.js';
import type { Capability, Channel, Resolution } from '../pricing/vocabulary.js';

/** A three-point estimate from a scenario file: `{ low, likely, high, shape }` (low <= likely <= high). */
export interface ThreePoint {
  low: Dec;
  likely: Dec;
  high: Dec;
  shape: 'pert' | 'triangular';
}

/** The workload fields written as three-point estimates; the point fields hold their `likely`. */
export interface UncertainInputs {
  clipsPerMonth?: ThreePoint;
  secondsPerClip?: ThreePoint;
  regenerationFactor?: ThreePoint;
}

/** Values a scenario knows better than the sheets, per vendor. */
export interface VendorOverride {
  usdPerCredit?: Figure;
  discountPct?: Figure;
  gpuSecondsPerOutputSecond?: Figure;
}

export interface Workload {
  name: string;
  clipsPerMonth: Dec;
  secondsPerClip: Dec;
  resolution: Resolution;
  regenerationFactor: Dec;
  /** false when the factor is the default (3) rather than written in the file */
  regenerationFactorGiven: boolean;
  audio: boolean;
  hdr: boolean;
  batch: boolean;
  requires: Capability[];
  /** present only when a field is a three-point estimate (used by `forecast`; `estimate` uses the likely values) */
  uncertain?: UncertainInputs;
}

export interface Scenario {
  version: 1;
  name: string;
  /** null: the caller supplies the date (today, or --as-of) */
  asOf: string | null;
  channel: Channel;
  offerings: string[] | null;
  /** web-app channel: the team's seats, each holding one plan; null: as many as the credits need */
  seats?: number | null;
  budget: { monthlyCeilingUsd: Dec | null; maxRegenerationsPerJob: Dec | null };
  overrides: Record<string, VendorOverride>;
  workloads: Workload[];
}

export const DEFAULT_REGENERATION_FACTOR = 3;
