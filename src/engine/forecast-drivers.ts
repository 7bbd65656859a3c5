// What drives the spread: the route's cost with one input at a time from its low to its high,
// every other input at its likely value (a tornado), largest swing first.
import type { Dec } from '../money/decimal.js';
import { INPUT_FIELDS, type Model, type Point, RATE_STEPS, type UncertainInput } from './forecast-model.js';
import { exactTargetAt, type Target } from './forecast-targets.js';

export interface Driver {
  input: UncertainInput;
  /** the route's monthly cost with this input at its low (high), every other input at its likely value */
  atLow: Dec;
  atHigh: Dec;
  swing: Dec;
}

/** One input at a time from its low to its high, every other input at its likely value. */
export function tornado(model: Model, route: Target): { baseline: Dec | null; drivers: Driver[] } {
  const likely = model.likelyPoint();
  const baseline = exactTargetAt(route, likely);
  if (baseline === null) return { baseline: null, drivers: [] };
  const drivers: Driver[] = [];
  model.inputs.forEach((input, i) => {
    const at = (end: 'low' | 'high'): Dec | null => {
      const point: Point = { fields: Float64Array.from(likely.fields), rates: Float64Array.from(likely.rates) };
      if (input.kind === 'rate') point.rates[i] = end === 'low' ? 0 : RATE_STEPS;
      else {
        const w = model.workloads.findIndex((x) => x.name === input.workload);
        const j = INPUT_FIELDS.indexOf(input.field!);
        const f = model.workloads[w]!.fields[j]!;
        point.fields[w * 3 + j] = end === 'low' ? f.lowN : f.highN;
      }
      return exactTargetAt(route, point);
    };
    const atLow = at('low');
    const atHigh = at('high');
    if (atLow === null || atHigh === null) return;
    drivers.push({ input, atLow, atHigh, swing: atHigh.minus(atLow).abs() });
  });
  // largest swing first; ties keep the order the inputs are written in
  drivers.sort((a, b) => b.swing.cmp(a.swing));
  return { baseline, drivers };
}
