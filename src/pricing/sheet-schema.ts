// The shape of a price sheet file, pricing-data/<vendor>/<YYYY-MM-DD>.yaml. Figures are written in
// the sheet syntax (see money/figure.ts) and checked here; the loader turns them into Figures.
import { z } from 'zod';
import { parseFigure } from '../money/figure.js';
import { CAPABILITIES, CHANNELS, EXTERNAL_SOURCES, PROVENANCES, RESOLUTION_WORDS } from './vocabulary.js';
import { once } from '../once.js';

/** The schema, built on first use (see once.ts). */
export const sheetSchema = once(() => {
  const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });
  const url = z.url({ protocol: /^https?$/ });

  const figureInput = z.union([z.number(), z.string()]).superRefine((value, ctx) => {
    const parsed = parseFigure(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });

  // a quantity that divides or multiplies a price: zero would price any amount of work at $0.00
  const positiveFigureInput = figureInput.superRefine((value, ctx) => {
    const parsed = parseFigure(value);
    if (!('error' in parsed) && parsed.low !== null && parsed.low.eq(0))
      ctx.addIssue({ code: 'custom', message: `expected a figure above 0, found ${String(value)}: zero here would price any amount of work at $0.00` });
  });

  const sourceRef = z.string().min(1);

  /**
   * Where an independent price map lists the same variant, for `vidcost prices check`. LiteLLM:
   * the model key, and the field when it is not the map's plain USD-per-second field (e.g.
   * output_cost_per_second_1080p). Portkey: the provider file (openai for pricing/openai.json),
   * the model key and the additional unit (video_duration_seconds_1920_1080 or video_seconds);
   * batch compares our batch price with Portkey's batch execution mode.
   */
  const externalRef = z.strictObject({
    source: z.enum(EXTERNAL_SOURCES),
    key: z.string().min(1),
    field: z.string().min(1).optional(),
    provider: z.string().min(1).optional(),
    unit: z.string().min(1).optional(),
    batch: z.boolean().default(false),
  });

  /** One source's figure where sources disagree; the sheet keeps each instead of picking one. */
  const conflictingFigure = z.strictObject({
    usd_per_second: figureInput,
    source: sourceRef,
  });

  const rateSchema = z
    .strictObject({
      channel: z.enum(CHANNELS).optional(),
      resolution: z.enum(RESOLUTION_WORDS).optional(),
      audio: z.union([z.boolean(), z.literal('included')]).optional(),
      hdr: z.boolean().optional(),
      exr: z.boolean().optional(),
      usd_per_second: figureInput.optional(),
      credits_per_second: positiveFigureInput.optional(),
      credits_per_clip: positiveFigureInput.optional(),
      usd_per_clip: figureInput.optional(),
      /** the per-clip figure is for this many clips ("$45 per 100 clips") */
      per_clips: z.number().int().positive().optional(),
      /** fixed length of one billed clip, for per-clip units; "unknown" when no source gives it */
      clip_seconds: positiveFigureInput.optional(),
      usd_per_gpu_hour: figureInput.optional(),
      gpu_seconds_per_output_second: positiveFigureInput.optional(),
      /** sources that disagree on this variant's USD per second: priced as the range they span */
      conflict: z.array(conflictingFigure).min(2).optional(),
      external: z.array(externalRef).default([]),
      source: sourceRef.optional(),
      verified: isoDate.optional(),
      provenance: z.enum(PROVENANCES).optional(),
      note: z.string().optional(),
    })
    .superRefine((rate, ctx) => {
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
    });

  const offeringSchema = z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9][a-z0-9._-]*$/, { error: 'expected an offering id like runway/gen4-turbo' }),
    name: z.string().min(1),
    channels: z.array(z.enum(CHANNELS)).min(1),
    capabilities: z.array(z.enum(CAPABILITIES)).default([]),
    /** what the offering's rates assume about audio when a rate does not say */
    audio: z.union([z.boolean(), z.literal('included')]).default(false),
    sunset: isoDate.optional(),
    sunset_source: sourceRef.optional(),
    batch: z
      .strictObject({
        factor: positiveFigureInput,
        latency: z.string().min(1),
        source: sourceRef.optional(),
      })
      .optional(),
    provenance: z.enum(PROVENANCES).optional(),
    /**
     * the offering only works from footage or a performance (video-to-video editing, character
     * performance): it serves a workload only when the workload requires one of these
     */
    serves_only: z.array(z.enum(CAPABILITIES)).default([]),
    /** whether failed or canceled requests are billed (fal bills only successful outputs) */
    bills_failed: z.union([z.boolean(), z.literal('unknown')]).default('unknown'),
    /** aggregator offerings that sell this model programmatically (Pika's API is fal/pika-2.5) */
    api_through: z.array(z.string()).default([]),
    rates: z.array(rateSchema).min(1),
    note: z.string().optional(),
  });

  const planSchema = z.strictObject({
    name: z.string().min(1),
    usd_per_month: figureInput,
    credits_per_month: figureInput,
    max_resolution: z.enum(RESOLUTION_WORDS).optional(),
    watermark: z.boolean().default(false),
    commercial_use: z.boolean().default(true),
    source: sourceRef.optional(),
    verified: isoDate.optional(),
    provenance: z.enum(PROVENANCES).optional(),
    note: z.string().optional(),
  });

  const sheet = z.strictObject({
    vendor: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a lower-case vendor name like runway' }),
    effective: isoDate,
    verified: isoDate,
    provenance: z.enum(PROVENANCES),
    currency: z.literal('USD').default('USD'),
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
          read: isoDate.optional(),
          dated: z.union([isoDate, z.literal('undated')]).default('undated'),
          note: z.string().optional(),
        }),
      ]),
    ),
    /** the source used where a figure names none */
    source: sourceRef,
    /** USD value of one credit when credits are bought for the API (Runway: exactly $0.01) */
    api_usd_per_credit: figureInput.optional(),
    api_usd_per_credit_source: sourceRef.optional(),
    /** the plan whose price ÷ credits values a web-app credit in `rates` (Pika: Standard) */
    reference_plan: z.string().optional(),
    offerings: z.array(offeringSchema).default([]),
    plans: z.array(planSchema).default([]),
    notes: z.array(z.string()).default([]),
  });
  return sheet;
});

export type SheetInput = z.input<ReturnType<typeof sheetSchema>>;
export type SheetData = z.output<ReturnType<typeof sheetSchema>>;
