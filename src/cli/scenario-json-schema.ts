// The JSON Schema of scenario files, generated from the zod schema the parser uses, so an editor
// (yaml-language-server) validates and completes exactly what vidcost accepts: `vidcost schema`
// prints it and `vidcost init` writes it beside a new scenario.
// a namespace import, so that the bundle keeps only the parts of zod/mini used (`{ z }` keeps all)
import * as z from 'zod/mini';
import { DEFAULT_REGENERATION_FACTOR } from '../scenario/model.js';
import { scenarioSchema } from '../scenario/schema.js';

/** Identifies the format (version 1), not a web address: vidcost publishes no schema URL. */
export const SCENARIO_SCHEMA_ID = 'urn:vidcost:scenario:1';

/** The file name `vidcost init` writes the schema to, beside the scenario, and the modeline names. */
export const SCHEMA_FILE_NAME = 'vidcost.schema.json';

type Json = Record<string, unknown>;

function child(node: Json, ...path: string[]): Json {
  let at: Json = node;
  for (const key of path) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) throw new Error(`scenario JSON Schema has no ${path.join('.')}`);
    at = next as Json;
  }
  return at;
}

/**
 * The JSON Schema (draft 2020-12) of scenario files as written (zod's input side: fields with
 * defaults are optional), with an id, a title and the descriptions zod's schema leaves out.
 */
export function scenarioJsonSchema(): Json {
  const generated = z.toJSONSchema(scenarioSchema(), { io: 'input', target: 'draft-2020-12' }) as Json;
  const { $schema, ...rest } = generated;
  const schema: Json = {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'vidcost scenario (version 1)',
    description:
      'A workload described once, priced on every generative-video API that fits: `vidcost estimate FILE`. Money is USD; `vidcost init` writes a commented starter.',
    ...rest,
  };
  const props = child(schema, 'properties');
  child(props, 'budget').description = 'optional spend limits: a monthly ceiling for the cheapest route, and a cap on generations paid per kept clip';
  child(props, 'overrides', 'additionalProperties').description =
    'what you know better than the price sheet of this vendor (key: vendor id, e.g. luma, runway, fal)';
  const workloads = child(props, 'workloads');
  workloads.description = 'the kinds of clip the feature makes; each is priced on every offering that fits';
  const workload = child(workloads, 'items');
  workload.description = 'one kind of clip: volume, length, resolution and hard requirements';
  const factor = child(workload, 'properties', 'regeneration_factor');
  factor.default = DEFAULT_REGENERATION_FACTOR;
  return schema;
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
