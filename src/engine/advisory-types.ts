// The advisories' codes and shape: what an estimate report carries, apart from the code that finds them.
export const ADVISORY_CODES = [
  'sunset',
  'stale-prices',
  'subscription-not-api',
  'plan-capacity',
  'free-tier-restrictions',
  'over-ceiling',
  'regeneration-capped',
  'naive-regeneration',
  'unknown-price',
  'no-eligible-offering',
] as const;
export type AdvisoryCode = (typeof ADVISORY_CODES)[number];

export interface Advisory {
  code: AdvisoryCode;
  severity: 'info' | 'warning' | 'error';
  message: string;
  offering?: string;
  workload?: string;
  vendor?: string;
}
