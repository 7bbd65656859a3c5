// `vidcost actuals --write-scenario`: the scenario written back with what the month measured, ready
// for `vidcost forecast`. Only the two measured fields of each measured workload change
// (clips_per_month and regeneration_factor); comments, order and every other field stay as written.
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { dec, type Dec, floorDiv, ONE, plainString } from '../money/decimal.js';
import type { ActualsReport } from '../engine/actuals-report.js';

const HALF = dec('0.5');

export interface Calibration {
  workload: string;
  /** the projection of kept clips, rounded half-up to a whole clip */
  clipsPerMonth: Dec;
  /** P10, median and P90 of succeeded generations per job that kept a clip; null with no kept clip */
  regeneration: { low: Dec; likely: Dec; high: Dec } | null;
}

export interface CalibrationResult {
  calibrated: Calibration[];
  /** scenario workloads the log has no row for: left as they were */
  unmeasured: string[];
  /** workloads in the log that the scenario does not have: not added */
  notInScenario: string[];
}

export function calibrations(report: ActualsReport, workloadNames: readonly string[]): CalibrationResult {
  const calibrated: Calibration[] = [];
  const notInScenario: string[] = [];
  for (const w of report.byWorkload) {
    if (w.workload === null || !workloadNames.includes(w.workload)) {
      notInScenario.push(w.workload ?? '(rows without a workload)');
      continue;
    }
    const p = w.perJob;
    calibrated.push({
      workload: w.workload,
      clipsPerMonth: floorDiv(w.projectedClipsPerMonth.plus(HALF), ONE),
      regeneration: p ? { low: dec(p.p10), likely: dec(p.median), high: dec(p.p90) } : null,
    });
  }
  const measured = new Set(calibrated.map((c) => c.workload));
  return { calibrated, unmeasured: workloadNames.filter((n) => !measured.has(n)), notInScenario };
}

function num(d: Dec): number {
  return Number(plainString(d));
}

/** The scenario's text with each calibrated workload's clips_per_month and regeneration_factor replaced. */
export function writeBackScenario(text: string, calibrated: readonly Calibration[]): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const workloads = doc.get('workloads', true);
  if (!isSeq(workloads)) throw new Error('the scenario has no workloads list (it was checked before)');
  for (const item of workloads.items) {
    if (!isMap(item)) continue;
    const map = item as YAMLMap;
    const name = String(map.get('name'));
    const c = calibrated.find((x) => x.workload === name);
    if (!c) continue;
    map.set('clips_per_month', num(c.clipsPerMonth));
    if (c.regeneration) {
      const { low, likely, high } = c.regeneration;
      if (low.eq(high)) map.set('regeneration_factor', num(likely));
      else {
        const node = doc.createNode({ low: num(low), likely: num(likely), high: num(high) });
        node.flow = true;
        map.set('regeneration_factor', node);
      }
    }
  }
  return doc.toString();
}
