// Scenario files, version 1 (docs/scenario-format.md). No transforms here, so the same schema also yields the
// JSON Schema that `vidcost schema` prints for editors.
import { z } from 'zod';
import { CAPABILITIES, CHANNELS, RESOLUTION_WORDS } from '../pricing/vocabulary.js';
import { once } from '../once.js';

/** Shapes of a three-point estimate: PERT (a smooth Beta through the three points, default) or triangular. */
export const SHAPES = ['pert', 'triangular'] as const;

/** The schemas, built on first use (see once.ts). */
const schemas = once(() => {
  const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });
  const MAX_CLIPS = 1_000_000_000;

  const overrideSchema = z.strictObject({
    usd_per_credit: z
      .union([z.number().positive().max(1000), z.string()])
      .optional()
      .describe('USD value of one credit (fills an unknown value, or a negotiated one); a number or figure like "~0.004"'),
    discount_pct: z.number().min(0).max(100).optional().describe('contract discount on every price of this vendor, in percent'),
    gpu_seconds_per_output_second: z.number().positive().max(100000).optional().describe('GPU-seconds one second of output takes, for GPU-billed offerings'),
  });

  /**
   * A three-point estimate `{ low, likely, high, shape? }` for `vidcost forecast`. low <= likely <= high
   * is checked by the parser at the field (no transforms or refinements here).
   */
  function threePointOf(point: z.ZodNumber, what: string) {
    return z
      .strictObject({
        low: point.describe(`the lowest plausible ${what}`),
        likely: point.describe(`the most likely ${what}: what \`estimate\` uses`),
        high: point.describe(`the highest plausible ${what}`),
        shape: z.enum(SHAPES).optional().describe('pert (default): a smooth curve through the three points; triangular: straight lines'),
      })
      .describe(`a three-point estimate of the ${what} for \`vidcost forecast\``);
  }

  const clipsNumber = z.number().min(0).max(MAX_CLIPS);
  const secondsNumber = z.number().positive().max(3600);
  const factorNumber = z.number().min(1).max(1000);

  /** The workload fields that take a number or a three-point estimate, and the estimate's schema for each. */
  const threePoint = {
    clips_per_month: threePointOf(clipsNumber, 'clips kept per month'),
    seconds_per_clip: threePointOf(secondsNumber, 'clip length in seconds'),
    regeneration_factor: threePointOf(factorNumber, 'generations per kept clip'),
  } as const;

  const workload = z.strictObject({
    name: z.string().min(1).max(200).describe('what this workload is, e.g. "drafts"'),
    clips_per_month: z.union([clipsNumber, threePoint.clips_per_month]).describe('finished clips kept per month, or { low, likely, high } for a forecast'),
    seconds_per_clip: z
      .union([secondsNumber, threePoint.seconds_per_clip])
      .describe('length of one finished clip in seconds, or { low, likely, high } for a forecast'),
    resolution: z.enum(RESOLUTION_WORDS).default('1080p').describe('output resolution (4k is 2160p); default 1080p'),
    regeneration_factor: z
      .union([factorNumber, threePoint.regeneration_factor])
      .optional()
      .describe('generations paid per clip kept; default 3; or { low, likely, high } for a forecast'),
    audio: z.boolean().default(false).describe('the clip needs generated audio'),
    hdr: z.boolean().default(false).describe('the clip needs HDR output'),
    batch: z.boolean().default(false).describe('accept a batch tier (cheaper, up to 24 h latency) where offered'),
    requires: z.array(z.enum(CAPABILITIES)).default([]).describe('capabilities an offering must have'),
  });

  const scenario = z.strictObject({
    version: z.literal(1).describe('scenario format version; always 1'),
    name: z.string().min(1).max(200).describe('name of the feature being costed'),
    as_of: isoDate.optional().describe('prices in force on this date; default today'),
    channel: z.enum(CHANNELS).default('api').describe('api: programmatic use at API rates; web-app: people on seat plans'),
    offerings: z.array(z.string().min(1)).min(1).optional().describe('offering ids to compare; default every offering that fits'),
    seats: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .optional()
      .describe(
        'web-app channel: the people on the team; each seat holds one plan, so at most this many plans are bought (default: as many as the credits need, and the report says how many)',
      ),
    budget: z
      .strictObject({
        monthly_ceiling_usd: z.number().min(0).max(1e12).optional().describe('the most the feature may cost per month'),
        max_regenerations_per_job: z.number().int().min(1).max(1000).optional().describe('hard cap on generations paid per clip kept'),
      })
      .optional(),
    overrides: z.record(z.string(), overrideSchema).optional().describe('values you know better than the price sheets, per vendor'),
    // at most 1,000: a report of more is unreadable, and pricing it must stay quick on hostile input
    workloads: z.array(workload).min(1).max(1000),
  });
  return { scenario, workload, threePoint };
});

export const scenarioSchema = () => schemas().scenario;
export const workloadSchema = () => schemas().workload;
/** The workload fields that take a number or a three-point estimate, and the estimate's schema for each. */
export const threePointFields = () => schemas().threePoint;

export type ScenarioInput = z.input<ReturnType<typeof scenarioSchema>>;
export type ScenarioData = z.output<ReturnType<typeof scenarioSchema>>;
