// Reads one usage file line by line, whatever its format: JSON Lines, a CSV usage log with a header
// row, or a FOCUS billing export (CSV). The format is recognised from the first line. Pure: the
// caller feeds lines (without their line break) and gets rows; nothing here touches a file.
import { nearMiss, type Problem } from '../errors.js';
import { splitCsvRecord } from '../input/csv-record.js';
import { FOCUS_COLUMNS, focusRowOf, isFocusHeader } from './focus.js';
import { REQUIRED_USAGE_FIELDS, USAGE_FIELDS, usageRowFromJson, usageRowOf, type ProblemSink, type UsageRow } from './usage-log.js';

export type UsageFormat = 'jsonl' | 'csv' | 'focus';

export interface UsageReadStats {
  format: UsageFormat | null;
  /** rows read (not counting the header and blank lines) */
  rows: number;
  /** FOCUS rows that are not video usage billed in seconds */
  skipped: number;
}

export interface UsageLineReader {
  /** one line, without its line break (a trailing CR is dropped here) */
  line(text: string, lineNo: number): void;
  /** the end of the file: a quoted CSV field still open is an error */
  end(): void;
  stats: UsageReadStats;
}

/** A sink that keeps the first `keep` problems and counts the rest. */
export class CountingSink implements ProblemSink {
  readonly kept: Problem[] = [];
  count = 0;
  constructor(private readonly keep = 20) {}
  add(problem: Problem): void {
    this.count++;
    if (this.kept.length < this.keep) this.kept.push(problem);
  }
}

export function usageLineReader(
  file: string,
  onRow: (row: UsageRow, line: number) => void,
  sink: ProblemSink,
  focusIndex: ReadonlyMap<string, string>,
): UsageLineReader {
  const stats: UsageReadStats = { format: null, rows: 0, skipped: 0 };
  let header: string[] | null = null;
  let headerColumns: number[] = [];
  let position = new Map<string, number>();
  let pending: { text: string; line: number } | null = null;

  const csvRecord = (text: string, lineNo: number) => {
    const rec = splitCsvRecord(text);
    if (rec === 'open') {
      pending = { text, line: lineNo };
      return;
    }
    if ('error' in rec) {
      sink.add({ file, line: lineNo, column: rec.column, field: '', message: rec.error });
      return;
    }
    if (header === null) {
      startCsv(rec.fields, rec.columns, lineNo);
      return;
    }
    stats.rows++;
    if (rec.fields.length !== header.length) {
      sink.add({ file, line: lineNo, column: 1, field: '', message: `expected ${header.length} fields as in the header, found ${rec.fields.length}` });
      return;
    }
    const get = (f: string) => {
      const i = position.get(f);
      return i === undefined ? undefined : rec.fields[i];
    };
    const columnOf = (f: string) => rec.columns[position.get(f) ?? 0] ?? 1;
    const place = { file, line: lineNo };
    if (stats.format === 'focus') {
      const r = focusRowOf(get, place, sink, focusIndex, columnOf);
      if (r.kind === 'row') onRow(r.row, lineNo);
      else if (r.kind === 'skipped') stats.skipped++;
    } else {
      const row = usageRowOf(
        (f) => {
          const v = get(f);
          return v === undefined ? undefined : v.trim();
        },
        place,
        sink,
        columnOf,
      );
      if (row) onRow(row, lineNo);
    }
  };

  const startCsv = (fields: string[], columns: number[], lineNo: number) => {
    header = fields.map((f) => f.trim());
    headerColumns = columns;
    position = new Map(header.map((h, i) => [h, i]));
    if (position.size !== header.length) {
      const dup = header.find((h, i) => header!.indexOf(h) !== i)!;
      sink.add({ file, line: lineNo, column: headerColumns[header.lastIndexOf(dup)] ?? 1, field: dup, message: 'this column appears twice in the header row' });
    }
    if (isFocusHeader(header)) {
      stats.format = 'focus';
      for (const c of FOCUS_COLUMNS) if (!position.has(c)) sink.add({ file, line: lineNo, column: 1, field: c, message: 'a FOCUS export needs this column' });
      return;
    }
    stats.format = 'csv';
    const missing = REQUIRED_USAGE_FIELDS.filter((f) => !position.has(f));
    for (const f of missing) {
      const near = nearMiss(f, header);
      sink.add({
        file,
        line: lineNo,
        column: near ? (headerColumns[header.indexOf(near)] ?? 1) : 1,
        field: f,
        message: `the header row has no ${f} column (a usage log needs ${REQUIRED_USAGE_FIELDS.join(', ')})`,
        ...(near ? { suggestion: near } : {}),
      });
    }
    header.forEach((h, i) => {
      if ((USAGE_FIELDS as readonly string[]).includes(h)) return;
      const near = nearMiss(h, USAGE_FIELDS);
      if (near && !position.has(near)) sink.add({ file, line: lineNo, column: headerColumns[i] ?? 1, field: h, message: 'unknown column', suggestion: near });
    });
  };

  return {
    stats,
    line(raw: string, lineNo: number) {
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (pending !== null) {
        const joined = `${pending.text}\n${text}`;
        const at = pending.line;
        pending = null;
        csvRecord(joined, at);
        return;
      }
      if (stats.format === 'jsonl') {
        if (text.trim() === '') return;
        stats.rows++;
        const row = usageRowFromJson(text, { file, line: lineNo }, sink);
        if (row) onRow(row, lineNo);
        return;
      }
      if (stats.format === null) {
        if (text.trim() === '') return;
        if (text.trimStart().startsWith('{')) {
          stats.format = 'jsonl';
          this.line(text, lineNo);
          return;
        }
      } else if (text.trim() === '') return;
      csvRecord(text, lineNo);
    },
    end() {
      // an empty file is no usage yet, not an error
      if (pending !== null) sink.add({ file, line: (pending as { line: number }).line, column: 1, field: '', message: 'a quoted field is never closed' });
    },
  };
}
