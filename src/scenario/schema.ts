// Scenario files, version 1 (docs/scenario-format.md). No transforms here, so the same schema also yields the
// JSON Schema that `vidcost schema` prints for editors. Built with zod/mini: its schemas are far
// cheaper to construct than classic zod's, and a run builds this one before it can validate anything.
// a namespace import, so that the bundle keeps only the parts of zod/mini used (`{ z }` keeps all)
import * as z from 'zod/mini';
import { CAPABILITIES, CHANNELS, RESOLUTION_WORDS } from '../pricing/vocabulary.js';
import { useEnglishZodMessages } from '../input/zod-words.js';
import { once } from '../once.js';

/** Shapes of a three-point estimate: PERT (a smooth Beta through the three points, default) or triangular. */
export const SHAPES = ['pert', 'triangular'] as const;

/** The schemas, built on first use (see once.ts). */
const schemas = once(() => {
  useEnglishZodMessages();
  const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });
  const MAX_CLIPS = 1_000_000_000;
  const describe = z.describe;

  const overrideSchema = z.strictObject({
    usd_per_credit: z
      .optional(z.union([z.number().check(z.positive(), z.maximum(1000)), z.string()]))
      .check(describe('USD value of one credit (fills an unknown value, or a negotiated one); a number or figure like "~0.004"')),
    discount_pct: z.optional(z.number().check(z.minimum(0), z.maximum(100))).check(describe('contract discount on every price of this vendor, in percent')),
    gpu_seconds_per_output_second: z
      .optional(z.number().check(z.positive(), z.maximum(100000)))
      .check(describe('GPU-seconds one second of output takes, for GPU-billed offerings')),
  });

  /**
   * A three-point estimate `{ low, likely, high, shape? }` for `vidcost forecast`. low <= likely <= high
   * is checked by the parser at the field (no transforms or refinements here).
   */
  function threePointOf(point: z.ZodMiniNumber<number>, what: string) {
    return z
      .strictObject({
        low: point.check(describe(`the lowest plausible ${what}`)),
        likely: point.check(describe(`the most likely ${what}: what \`estimate\` uses`)),
        high: point.check(describe(`the highest plausible ${what}`)),
        shape: z.optional(z.enum(SHAPES)).check(describe('pert (default): a smooth curve through the three points; triangular: straight lines')),
      })
      .check(describe(`a three-point estimate of the ${what} for \`vidcost forecast\``));
  }

  const clipsNumber = z.number().check(z.minimum(0), z.maximum(MAX_CLIPS));
  const secondsNumber = z.number().check(z.positive(), z.maximum(3600));
  const factorNumber = z.number().check(z.minimum(1), z.maximum(1000));

  /** The workload fields that take a number or a three-point estimate, and the estimate's schema for each. */
  const threePoint = {
    clips_per_month: threePointOf(clipsNumber, 'clips kept per month'),
    seconds_per_clip: threePointOf(secondsNumber, 'clip length in seconds'),
    regeneration_factor: threePointOf(factorNumber, 'generations per kept clip'),
  } as const;

  const workload = z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(200), describe('what this workload is, e.g. "drafts"')),
    clips_per_month: z
      .union([clipsNumber, threePoint.clips_per_month])
      .check(describe('finished clips kept per month, or { low, likely, high } for a forecast')),
    seconds_per_clip: z
      .union([secondsNumber, threePoint.seconds_per_clip])
      .check(describe('length of one finished clip in seconds, or { low, likely, high } for a forecast')),
    resolution: z._default(z.enum(RESOLUTION_WORDS), '1080p').check(describe('output resolution (4k is 2160p); default 1080p')),
    regeneration_factor: z
      .optional(z.union([factorNumber, threePoint.regeneration_factor]))
      .check(describe('generations paid per clip kept; default 3; or { low, likely, high } for a forecast')),
    audio: z._default(z.boolean(), false).check(describe('the clip needs generated audio')),
    hdr: z._default(z.boolean(), false).check(describe('the clip needs HDR output')),
    batch: z._default(z.boolean(), false).check(describe('accept a batch tier (cheaper, up to 24 h latency) where offered')),
    requires: z._default(z.array(z.enum(CAPABILITIES)), []).check(describe('capabilities an offering must have')),
  });

  const scenario = z.strictObject({
    version: z.literal(1).check(describe('scenario format version; always 1')),
    name: z.string().check(z.minLength(1), z.maxLength(200), describe('name of the feature being costed')),
    as_of: z.optional(isoDate).check(describe('prices in force on this date; default today')),
    channel: z._default(z.enum(CHANNELS), 'api').check(describe('api: programmatic use at API rates; web-app: people on seat plans')),
    offerings: z
      .optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1)))
      .check(describe('offering ids to compare; default every offering that fits')),
    seats: z
      .optional(z.number().check(z.int(), z.minimum(1), z.maximum(100000)))
      .check(
        describe(
          'web-app channel: the people on the team; each seat holds one plan, so at most this many plans are bought (default: as many as the credits need, and the report says how many)',
        ),
      ),
    budget: z.optional(
      z.strictObject({
        monthly_ceiling_usd: z.optional(z.number().check(z.minimum(0), z.maximum(1e12))).check(describe('the most the feature may cost per month')),
        max_regenerations_per_job: z
          .optional(z.number().check(z.int(), z.minimum(1), z.maximum(1000)))
          .check(describe('hard cap on generations paid per clip kept')),
      }),
    ),
    overrides: z.optional(z.record(z.string(), overrideSchema)).check(describe('values you know better than the price sheets, per vendor')),
    // at most 1,000: a report of more is unreadable, and pricing it must stay quick on hostile input
    workloads: z.array(workload).check(z.minLength(1), z.maxLength(1000)),
  });
  return { scenario, workload, threePoint };
});

export const scenarioSchema = () => schemas().scenario;
export const workloadSchema = () => schemas().workload;
/** The workload fields that take a number or a three-point estimate, and the estimate's schema for each. */
export const threePointFields = () => schemas().threePoint;

export type ScenarioInput = z.input<ReturnType<typeof scenarioSchema>>;
export type ScenarioData = z.output<ReturnType<typeof scenarioSchema>>;
