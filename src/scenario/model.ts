import type { Dec } from '../money/decimal.js';
import type { VendorOverride } from '../engine/price.js';
import type { Capability, Channel, Resolution } from '../pricing/vocabulary.js';

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
}

export interface Scenario {
  version: 1;
  name: string;
  /** null: the caller supplies the date (today, or --as-of) */
  asOf: string | null;
  channel: Channel;
  offerings: string[] | null;
  budget: { monthlyCeilingUsd: Dec | null; maxRegenerationsPerJob: Dec | null };
  overrides: Record<string, VendorOverride>;
  workloads: Workload[];
}

export const DEFAULT_REGENERATION_FACTOR = 3;
