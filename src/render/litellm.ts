// LiteLLM price-map entries as JSON text. Each price is written as a JSON number whose text is the
// exact decimal (0.12, never 0.12000000000000001): JSON.stringify would go through a double.
import { plainString } from '../money/decimal.js';
import type { LitellmExport } from '../engine/litellm-export.js';

export function litellmJson(report: LitellmExport): string {
  const numbers: string[] = [];
  const placeholder = (text: string) => `\u0001${numbers.push(text) - 1}\u0001`;
  const map: Record<string, unknown> = {};
  for (const e of report.entries) {
    map[e.key] = {
      litellm_provider: e.provider,
      mode: 'video_generation',
      output_cost_per_video_per_second: placeholder(plainString(e.usdPerSecond)),
      source: e.source,
      supported_output_modalities: ['video'],
      metadata: { comment: e.comment },
    };
  }
  const text = JSON.stringify(map, null, 2).replace(/"\\u0001(\d+)\\u0001"/g, (_, i: string) => numbers[Number(i)]!);
  return `${text}\n`;
}
