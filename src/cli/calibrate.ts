// `vidcost actuals --write-scenario`: the scenario written back with what the month measured, ready
// for `vidcost forecast`. Only the two measured fields of each measured workload change
// (clips_per_month and regeneration_factor); comments, order and every other field stay as written.
import { isMap, isScalar, isSeq, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { dec, type Dec, ONE, plainString } from '../money/decimal.js';
import { floorDiv } from '../money/decimal-ops.js';
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
    // a planned workload the log has no row for is not measured: left as written
    if (w.generations === 0) continue;
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

/**
 * The scenario's text with each calibrated workload's clips_per_month and regeneration_factor
 * replaced in place: only the values (and the comment on their line, which described the old
 * value) change; every other byte of the file stays as written. `note` is the comment written
 * beside a measured value, e.g. "measured 2026-11-01 to 2026-11-10".
 */
export function writeBackScenario(text: string, calibrated: readonly Calibration[], note = 'measured by vidcost actuals'): string {
  const doc = parseDocument(text);
  const workloads = doc.get('workloads', true);
  if (!isSeq(workloads)) throw new Error('the scenario has no workloads list (it was checked before)');
  const edits: Edit[] = [];
  for (const item of workloads.items) {
    if (!isMap(item)) continue;
    const map = item as YAMLMap;
    const c = calibrated.find((x) => x.workload === String(map.get('name')));
    if (!c) continue;
    const clips = plainString(c.clipsPerMonth);
    const regen =
      c.regeneration === null
        ? null
        : c.regeneration.low.eq(c.regeneration.high)
          ? plainString(c.regeneration.likely)
          : `{ low: ${plainString(c.regeneration.low)}, likely: ${plainString(c.regeneration.likely)}, high: ${plainString(c.regeneration.high)} }`;
    const clipsNode = valueRange(text, map, 'clips_per_month');
    if (!clipsNode) throw new Error('a workload without clips_per_month (it was checked before)');
    edits.push(...replaceValue(text, clipsNode, clips, note, Boolean(map.flow)));
    if (regen === null) continue;
    const regenNode = valueRange(text, map, 'regeneration_factor');
    if (regenNode) edits.push(...replaceValue(text, regenNode, regen, note, Boolean(map.flow)));
    else if (map.flow) edits.push({ start: clipsNode[1], end: clipsNode[1], text: `, regeneration_factor: ${regen}` });
    else {
      // a new line under clips_per_month, at its indentation
      const keyStart = (map.items.find((p) => isScalar(p.key) && p.key.value === 'clips_per_month')!.key as Scalar).range![0];
      const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
      const indent = ' '.repeat(keyStart - lineStart);
      const lineEnd = endOfLine(text, clipsNode[1]);
      edits.push({ start: lineEnd, end: lineEnd, text: `\n${indent}regeneration_factor: ${regen}  # ${note}` });
    }
  }
  let out = text;
  // from the end backwards, so offsets stay true; at one offset the later edit goes in first, and so ends up after
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** From just after the key's colon to the end of its value (so a block mapping becomes one line). */
function valueRange(text: string, map: YAMLMap, key: string): [number, number] | null {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const keyNode = pair?.key as Scalar | undefined;
  const value = pair?.value as { range?: [number, number, number] } | null | undefined;
  if (!keyNode?.range || !value?.range) return null;
  const colon = text.indexOf(':', keyNode.range[1]);
  // a block mapping's range runs on over the line break that ends it
  const end = value.range[0] + text.slice(value.range[0], value.range[1]).trimEnd().length;
  return [colon + 1, end];
}

function endOfLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The value replaced; on a block mapping, the comment on its line becomes the note and the old value. */
function replaceValue(text: string, [start, end]: [number, number], value: string, note: string, flow: boolean): Edit[] {
  const was = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const edits: Edit[] = [{ start, end, text: ` ${value}` }];
  if (flow) return edits;
  const lineEnd = endOfLine(text, end);
  const rest = text.slice(end, lineEnd);
  const comment = /^([ \t]*)#.*$/.exec(rest.replace(/\r$/, ''));
  const written = `# ${note} (was ${was})`;
  if (comment) edits.unshift({ start: end + comment[1]!.length, end: end + comment[0].length, text: written });
  else if (rest.trim() === '') edits.unshift({ start: end, end: end + rest.replace(/\r$/, '').length, text: `  ${written}` });
  return edits;
}
