// Price sheets as the engine sees them: every figure resolved to a Figure with its source URL,
// verification date and provenance, so any number in a report can be traced to where it came from.
import type { Figure } from '../money/figure.js';
import type { Capability, Channel, Provenance, Resolution } from './vocabulary.js';

export interface Traced {
  source: string;
  verified: string;
  provenance: Provenance;
}

export type RateUnit =
  | { kind: 'usd_per_second'; usd: Figure }
  | { kind: 'credits_per_second'; credits: Figure }
  | { kind: 'credits_per_clip'; credits: Figure; clipSeconds: Figure; perClips: number }
  | { kind: 'usd_per_clip'; usd: Figure; clipSeconds: Figure; perClips: number }
  | { kind: 'gpu'; usdPerGpuHour: Figure; gpuSecondsPerOutputSecond: Figure };

export interface Rate extends Traced {
  channel: Channel;
  /** null: the source gives one price without naming a resolution */
  resolution: Resolution | null;
  audio: boolean | 'included';
  hdr: boolean;
  exr: boolean;
  unit: RateUnit;
  note: string | null;
}

export interface BatchTier {
  factor: Figure;
  latency: string;
  source: string;
}

export interface Offering extends Traced {
  id: string;
  vendor: string;
  name: string;
  channels: Channel[];
  capabilities: Capability[];
  sunset: string | null;
  sunsetSource: string | null;
  batch: BatchTier | null;
  /** aggregator offerings that sell this model programmatically */
  apiThrough: string[];
  rates: Rate[];
  note: string | null;
  sheet: SheetRef;
}

export interface Plan extends Traced {
  vendor: string;
  name: string;
  usdPerMonth: Figure;
  creditsPerMonth: Figure;
  maxResolution: Resolution | null;
  watermark: boolean;
  commercialUse: boolean;
  note: string | null;
  sheet: SheetRef;
}

export interface SheetRef {
  vendor: string;
  effective: string;
  verified: string;
  file: string;
}

export interface PriceSheet {
  vendor: string;
  effective: string;
  verified: string;
  provenance: Provenance;
  file: string;
  sources: Record<string, string>;
  apiUsdPerCredit: (Traced & { value: Figure }) | null;
  referencePlan: string | null;
  offerings: Offering[];
  plans: Plan[];
  notes: string[];
}
