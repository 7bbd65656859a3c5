// Price sheets as the engine sees them: every figure resolved to a Figure with its source URL,
// verification date and provenance, so any number in a report can be traced to where it came from.
import type { Figure } from '../money/figure.js';
import type { Capability, Channel, ExternalSource, Provenance, Resolution } from './vocabulary.js';

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

/** A named source of a sheet: its URL, when it was read, and the date it carries (null: undated). */
export interface SourceInfo {
  name: string;
  url: string;
  read: string;
  dated: string | null;
  note: string | null;
}

/** Where an independent price map lists the same variant (see `vidcost prices check`). */
export interface ExternalRef {
  source: ExternalSource;
  key: string;
  /** the map's field when not its plain USD-per-second field (LiteLLM: output_cost_per_second_1080p) */
  field: string | null;
  /** Portkey: the provider file the key is in (openai for pricing/openai.json) */
  provider: string | null;
  /** Portkey: the additional unit (video_duration_seconds_1920_1080, video_seconds) */
  unit: string | null;
  /** compare our batch price of this rate (Portkey's batch execution mode) */
  batch: boolean;
}

/** One source's figure where sources disagree on a variant. */
export interface ConflictingFigure {
  usdPerSecond: Figure;
  source: string;
}

export interface Rate extends Traced {
  channel: Channel;
  /** null: the source gives one price without naming a resolution */
  resolution: Resolution | null;
  audio: boolean | 'included';
  hdr: boolean;
  exr: boolean;
  unit: RateUnit;
  note: string | null;
  /** sources that disagree on this variant: the unit then spans their figures as a range */
  conflict: ConflictingFigure[] | null;
  external: ExternalRef[];
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
  /** capabilities of which a workload must require one to be served (empty: any workload) */
  servesOnly: Capability[];
  /** whether failed or canceled requests are billed; 'unknown' where no source says */
  billsFailed: boolean | 'unknown';
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
  /** URL of each named source */
  sources: Record<string, string>;
  /** each named source with its dates, in the sheet's order */
  sourceInfo: SourceInfo[];
  apiUsdPerCredit: (Traced & { value: Figure }) | null;
  referencePlan: string | null;
  offerings: Offering[];
  plans: Plan[];
  notes: string[];
}
