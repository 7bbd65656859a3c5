// The default terminal renderer: readable at 80 columns, colour only when asked (a TTY without NO_COLOR).
import { Chalk } from 'chalk';
import { oneLine } from './safe-text.js';
import { displayWidth } from './string-width-fast.js';
import { textTable } from './text-table.js';
import type { Column, View } from './view.js';

export interface TableOptions {
  color: boolean;
  /** terminal width to fit (default 80) */
  width?: number;
}

/** Wraps a sentence at `width` columns, keeping its indentation; continuation lines are indented two more spaces. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  const indent = /^ */.exec(text)![0];
  let line = indent;
  let lineWidth = indent.length;
  for (const word of text.slice(indent.length).split(' ')) {
    const wordWidth = displayWidth(word);
    const started = line.trim() !== '';
    if (started && lineWidth + 1 + wordWidth > width) {
      out.push(line);
      line = `${indent}  ${word}`;
      lineWidth = indent.length + 2 + wordWidth;
    } else {
      line = started ? `${line} ${word}` : `${line}${word}`;
      lineWidth += (started ? 1 : 0) + wordWidth;
    }
  }
  if (line) out.push(line);
  return out;
}

/**
 * Widest text in each column, header included, in the columns a terminal gives it (colour codes
 * take none, CJK characters two), as the table is drawn. A loop: a spread of 100,000 rows
 * overflows the stack.
 */
function naturalWidths(head: readonly string[], rows: readonly string[][]): number[] {
  const widths = head.map((h) => displayWidth(h));
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const w = displayWidth(row[i] ?? '');
      if (w > widths[i]!) widths[i] = w;
    }
  }
  return widths;
}

/** Drops optional columns while the fixed columns leave the last one under 24 characters. */
function fitColumns(columns: Column[], rows: string[][], width: number): { columns: Column[]; rows: string[][] } {
  let keep = columns.map((_, i) => i);
  const natural = naturalWidths(
    columns.map((c) => c.header),
    rows,
  );
  const fixedWidth = (idx: number[]) => idx.slice(0, -1).reduce((sum, i) => sum + natural[i]! + 3, 0);
  for (let i = columns.length - 1; i >= 0 && width - fixedWidth(keep) < 24; i--) {
    if (columns[i]!.optional) keep = keep.filter((k) => k !== i);
  }
  return { columns: keep.map((i) => columns[i]!), rows: rows.map((r) => keep.map((i) => r[i] ?? '')) };
}

/** Natural column widths; the last column shrinks (and wraps) so the table fits the terminal. */
function columnWidths(head: string[], rows: string[][], width: number): number[] | undefined {
  const natural = naturalWidths(head, rows).map((w) => w + 2);
  const total = natural.reduce((a, b) => a + b, 0) + natural.length - 1;
  if (total <= width) return undefined;
  const fixed = natural.slice(0, -1).reduce((a, b) => a + b, 0) + natural.length - 1;
  return [...natural.slice(0, -1), Math.max(16, width - fixed)];
}

export function renderTable(view: View, options: TableOptions): string {
  return drawTable(visibleView(view), options);
}

/**
 * The view with every string on one visible line (see safe-text.ts): a name holding a line break,
 * an escape sequence or a direction override can neither forge a report line, drive the terminal,
 * nor look like another name.
 */
function visibleView(view: View): View {
  const line = (text: string) => oneLine(text);
  return {
    ...view,
    title: line(view.title),
    subtitle: view.subtitle.map(line),
    ...(view.headline !== undefined ? { headline: line(view.headline) } : {}),
    sections: view.sections.map((section) => ({
      ...section,
      ...(section.heading !== undefined ? { heading: line(section.heading) } : {}),
      ...(section.table
        ? {
            table: {
              columns: section.table.columns.map((col) => ({ ...col, header: line(col.header) })),
              rows: section.table.rows.map((row) => row.map(line)),
            },
          }
        : {}),
      ...(section.lines ? { lines: section.lines.map(line) } : {}),
      ...(section.notices ? { notices: section.notices.map((n) => ({ ...n, text: line(n.text) })) } : {}),
    })),
  };
}

function drawTable(view: View, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = wrap(view.title, options.width ?? 80).map((l) => c.bold(l));
  for (const line of view.subtitle) out.push(...wrap(line, options.width ?? 80).map((l) => c.dim(l)));
  if (view.headline) out.push('', ...wrap(view.headline, options.width ?? 80).map((l) => c.bold(l)));
  for (const section of view.sections) {
    out.push('');
    if (section.heading) out.push(...wrap(section.heading, options.width ?? 80).map((l) => c.bold(l)));
    if (section.table && section.table.rows.length > 0) {
      const { columns, rows } = fitColumns(section.table.columns, section.table.rows, options.width ?? 80);
      const head = columns.map((col) => col.header);
      const colWidths = columnWidths(head, rows, options.width ?? 80);
      const lines = textTable({
        head,
        rows,
        aligns: columns.map((col) => col.align ?? 'left'),
        ...(colWidths ? { widths: colWidths } : {}),
        ...(options.color ? { headStyle: c.cyan } : {}),
      });
      for (const l of lines) out.push(l.trimEnd());
    }
    const width = options.width ?? 80;
    for (const line of section.lines ?? []) out.push(...wrap(line, width));
    for (const n of section.notices ?? []) {
      const label = n.severity;
      const lines = wrap(`${label} [${n.code}] ${n.text}`, width);
      const mark = n.severity === 'error' ? c.red(label) : n.severity === 'warning' ? c.yellow(label) : c.blue(label);
      lines[0] = lines[0]!.replace(`${label} [${n.code}]`, `${mark} ${c.dim(`[${n.code}]`)}`);
      out.push(...lines);
    }
  }
  return `${out.join('\n')}\n`;
}
