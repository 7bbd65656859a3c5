// The shape of a price sheet file, pricing-data/<vendor>/<YYYY-MM-DD>.yaml. Figures are written in
// the sheet syntax (see money/figure.ts) and checked here; the loader turns them into Figures.
// Built with zod/mini, whose schemas are far cheaper to construct than classic zod's.
// a namespace import, so that the bundle keeps only the parts of zod/mini used (`{ z }` keeps all)
import * as z from 'zod/mini';
import { useEnglishZodMessages } from '../input/zod-words.js';
import { parseFigure } from '../money/figure.js';
import { CAPABILITIES, CHANNELS, EXTERNAL_SOURCES, PROVENANCES, RESOLUTION_WORDS } from './vocabulary.js';
import { once } from '../once.js';

/** The schema, built on first use (see once.ts). */
export const sheetSchema = once(() => {
  useEnglishZodMessages();
  const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });
  const url = z.url({ protocol: /^https?$/ });

  const figureInput = z.union([z.number(), z.string()]).check(
    z.superRefine((value, ctx) => {
      const parsed = parseFigure(value);
      if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
  );

  // a quantity that divides or multiplies a price: zero would price any amount of work at $0.00
  const positiveFigureInput = figureInput.check(
    z.superRefine((value, ctx) => {
      const parsed = parseFigure(value);
      if (!('error' in parsed) && parsed.low !== null && parsed.low.eq(0))
        ctx.addIssue({ code: 'custom', message: `expected a figure above 0, found ${String(value)}: zero here would price any amount of work at $0.00` });
    }),
  );

  const sourceRef = z.string().check(z.minLength(1));
  const text = z.string();

  /**
   * Where an independent price map lists the same variant, for `vidcost prices check`. LiteLLM:
   * the model key, and the field when it is not the map's plain USD-per-second field (e.g.
   * output_cost_per_second_1080p). Portkey: the provider file (openai for pricing/openai.json),
   * the model key and the additional unit (video_duration_seconds_1920_1080 or video_seconds);
   * batch compares our batch price with Portkey's batch execution mode.
   */
  const externalRef = z.strictObject({
    source: z.enum(EXTERNAL_SOURCES),
    key: z.string().check(z.minLength(1)),
    field: z.optional(z.string().check(z.minLength(1))),
    provider: z.optional(z.string().check(z.minLength(1))),
    unit: z.optional(z.string().check(z.minLength(1))),
    batch: z._default(z.boolean(), false),
  });

  /** One source's figure where sources disagree; the sheet keeps each instead of picking one. */
  const conflictingFigure = z.strictObject({
    usd_per_second: figureInput,
    source: sourceRef,
  });

  const rateSchema = z
    .strictObject({
      channel: z.optional(z.enum(CHANNELS)),
      resolution: z.optional(z.enum(RESOLUTION_WORDS)),
      audio: z.optional(z.union([z.boolean(), z.literal('included')])),
      hdr: z.optional(z.boolean()),
      exr: z.optional(z.boolean()),
      usd_per_second: z.optional(figureInput),
      credits_per_second: z.optional(positiveFigureInput),
      credits_per_clip: z.optional(positiveFigureInput),
      usd_per_clip: z.optional(figureInput),
      /** the per-clip figure is for this many clips ("$45 per 100 clips") */
      per_clips: z.optional(z.number().check(z.int(), z.positive())),
      /** fixed length of one billed clip, for per-clip units; "unknown" when no source gives it */
      clip_seconds: z.optional(positiveFigureInput),
      usd_per_gpu_hour: z.optional(figureInput),
      gpu_seconds_per_output_second: z.optional(positiveFigureInput),
      /** sources that disagree on this variant's USD per second: priced as the range they span */
      conflict: z.optional(z.array(conflictingFigure).check(z.minLength(2))),
      external: z._default(z.array(externalRef), []),
      source: z.optional(sourceRef),
      verified: z.optional(isoDate),
      provenance: z.optional(z.enum(PROVENANCES)),
      note: z.optional(text),
    })
    .check(
      z.superRefine((rate, ctx) => {
        const units = ['usd_per_second', 'credits_per_second', 'credits_per_clip', 'usd_per_clip', 'usd_per_gpu_hour', 'conflict'].filter(
          (k) => rate[k as keyof typeof rate] !== undefined,
        );
        if (units.length !== 1) {
          ctx.addIssue({
            code: 'custom',
            message: `a rate needs exactly one unit (usd_per_second, credits_per_second, credits_per_clip, usd_per_clip, usd_per_gpu_hour, or conflict: the figures of sources that disagree), found ${units.length === 0 ? 'none' : units.join(' and ')}`,
          });
        }
        const perClip = rate.credits_per_clip !== undefined || rate.usd_per_clip !== undefined;
        if (perClip && rate.clip_seconds === undefined) {
          ctx.addIssue({ code: 'custom', path: ['clip_seconds'], message: 'a per-clip rate needs clip_seconds (write "unknown" if no source gives it)' });
        }
        if (!perClip && (rate.clip_seconds !== undefined || rate.per_clips !== undefined)) {
          ctx.addIssue({ code: 'custom', path: ['clip_seconds'], message: 'clip_seconds and per_clips belong to per-clip rates only' });
        }
        if ((rate.usd_per_gpu_hour === undefined) !== (rate.gpu_seconds_per_output_second === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: ['gpu_seconds_per_output_second'],
            message: 'GPU billing needs both usd_per_gpu_hour and gpu_seconds_per_output_second',
          });
        }
      }),
    );

  const offeringSchema = z.strictObject({
    id: z.string().check(z.regex(/^[a-z0-9-]+\/[a-z0-9][a-z0-9._-]*$/, { error: 'expected an offering id like runway/gen4-turbo' })),
    name: z.string().check(z.minLength(1)),
    channels: z.array(z.enum(CHANNELS)).check(z.minLength(1)),
    capabilities: z._default(z.array(z.enum(CAPABILITIES)), []),
    /** what the offering's rates assume about audio when a rate does not say */
    audio: z._default(z.union([z.boolean(), z.literal('included')]), false),
    sunset: z.optional(isoDate),
    sunset_source: z.optional(sourceRef),
    batch: z.optional(
      z.strictObject({
        factor: positiveFigureInput,
        latency: z.string().check(z.minLength(1)),
        source: z.optional(sourceRef),
      }),
    ),
    provenance: z.optional(z.enum(PROVENANCES)),
    /**
     * the offering only works from footage or a performance (video-to-video editing, character
     * performance): it serves a workload only when the workload requires one of these
     */
    serves_only: z._default(z.array(z.enum(CAPABILITIES)), []),
    /** whether failed or canceled requests are billed (fal bills only successful outputs) */
    bills_failed: z._default(z.union([z.boolean(), z.literal('unknown')]), 'unknown'),
    /** aggregator offerings that sell this model programmatically (Pika's API is fal/pika-2.5) */
    api_through: z._default(z.array(z.string()), []),
    rates: z.array(rateSchema).check(z.minLength(1)),
    note: z.optional(text),
  });

  const planSchema = z.strictObject({
    name: z.string().check(z.minLength(1)),
    usd_per_month: figureInput,
    credits_per_month: figureInput,
    max_resolution: z.optional(z.enum(RESOLUTION_WORDS)),
    watermark: z._default(z.boolean(), false),
    commercial_use: z._default(z.boolean(), true),
    source: z.optional(sourceRef),
    verified: z.optional(isoDate),
    provenance: z.optional(z.enum(PROVENANCES)),
    note: z.optional(text),
  });

  const sheet = z.strictObject({
    vendor: z.string().check(z.regex(/^[a-z0-9-]+$/, { error: 'expected a lower-case vendor name like runway' })),
    effective: isoDate,
    verified: isoDate,
    provenance: z.enum(PROVENANCES),
    currency: z._default(z.literal('USD'), 'USD'),
    /**
     * Named sources: a URL, or the URL with when it was read and the date the source itself carries
     * (`dated: undated` when the page has none: shown as undated, never as today).
     */
    sources: z.record(
      z.string(),
      z.union([
        url,
        z.strictObject({
          url,
          read: z.optional(isoDate),
          dated: z._default(z.union([isoDate, z.literal('undated')]), 'undated'),
          note: z.optional(text),
        }),
      ]),
    ),
    /** the source used where a figure names none */
    source: sourceRef,
    /** USD value of one credit when credits are bought for the API (Runway: exactly $0.01) */
    api_usd_per_credit: z.optional(figureInput),
    api_usd_per_credit_source: z.optional(sourceRef),
    /** the plan whose price ÷ credits values a web-app credit in `rates` (Pika: Standard) */
    reference_plan: z.optional(text),
    offerings: z._default(z.array(offeringSchema), []),
    plans: z._default(z.array(planSchema), []),
    notes: z._default(z.array(text), []),
  });
  return sheet;
});

export type SheetInput = z.input<ReturnType<typeof sheetSchema>>;
export type SheetData = z.output<ReturnType<typeof sheetSchema>>;
