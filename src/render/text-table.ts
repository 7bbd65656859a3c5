// The layout of vidcost's terminal tables: the lines cli-table3 0.6.5 drew with the options vidcost
// gave it (no borders, compact, one space of padding each side, cells joined by one space, the
// header optionally styled), rule for rule, in one pass over the cells. cli-table3 measured and
// styled each cell several times and laid a table out in time growing with the square of its rows.
import { displayWidth } from './string-width-fast.js';

export type Align = 'left' | 'right';

export interface TextTable {
  /** one header per column: the number of columns */
  head: readonly string[];
  /** a cell per column (a missing one is empty); text without escape sequences (see safe-text.ts) */
  rows: readonly (readonly string[])[];
  aligns: readonly Align[];
  /** column widths, padding included; a column given one word-wraps its cells to fit */
  widths?: readonly number[];
  /** applied to each line of a header cell, padding included (the header's colour) */
  headStyle?: (text: string) => string;
}

const PADDING = 2;

/** The widest line of a text (cli-table3's utils.strlen). */
function textWidth(text: string): number {
  if (!text.includes('\n')) return displayWidth(text);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/**
 * cli-table3's utils.wordWrap for one line: words stay whole, the whitespace between two words on
 * one line is kept as it was, and a line holding nothing gives no line at all.
 */
function wordWrapLine(maxWidth: number, text: string, out: string[]): void {
  const split = text.split(/(\s+)/);
  let line: string[] = [];
  let lineWidth = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i]!;
    // whitespace is counted by its length, as cli-table3 counts it
    let newWidth = lineWidth + displayWidth(word);
    if (lineWidth > 0 && whitespace) newWidth += whitespace.length;
    if (newWidth > maxWidth) {
      if (lineWidth !== 0) out.push(line.join(''));
      line = [word];
      lineWidth = displayWidth(word);
    } else {
      line.push(whitespace ?? '', word);
      lineWidth = newWidth;
    }
    whitespace = split[i + 1];
  }
  if (lineWidth) out.push(line.join(''));
}

/** The lines of a cell: its own lines, each word-wrapped when the column has a given width. */
function cellLines(text: string, wrapWidth: number | undefined): string[] {
  if (wrapWidth === undefined) return text.includes('\n') ? text.split('\n') : [text];
  const out: string[] = [];
  for (const line of text.split('\n')) wordWrapLine(wrapWidth, line, out);
  return out;
}

/** The longest start of a text at most `maxWidth` wide (cli-table3's utils.truncateWidth). */
function truncateWidth(text: string, maxWidth: number): string {
  if (text.length === displayWidth(text)) return text.substring(0, maxWidth);
  let kept = text;
  while (displayWidth(kept) > maxWidth) kept = kept.slice(0, -1);
  return kept;
}

/**
 * A line of a cell in `width` columns (padding excluded): cut with a final '…' when wider, then
 * padded on the side away from its alignment (cli-table3's utils.truncate and utils.pad).
 */
function fit(line: string, width: number, align: Align): string {
  let text = line;
  let textW = displayWidth(line);
  if (textW > width) {
    const kept = width - 1 > 0 ? truncateWidth(line, width - 1) : '';
    text = `${kept}…`;
    textW = displayWidth(text);
  }
  // as cli-table3: text one column too wide is left as it is, so is text wider still
  if (width + 1 < textW) return text;
  const fill = width > textW ? ' '.repeat(width - textW) : '';
  return align === 'right' ? fill + text : text + fill;
}

/** The lines of the table, trailing spaces included; the header first, then each row's lines. */
export function textTable(table: TextTable): string[] {
  const { head, rows, aligns, widths: given, headStyle } = table;
  const columns = head.length;
  // cli-table3 drew no line that came out empty
  if (columns === 0) return [];
  const widths: number[] = [];
  const wrapWidths: (number | undefined)[] = [];
  for (let col = 0; col < columns; col++) {
    const fixed = given?.[col];
    // cli-table3 wraps only in a column given a width other than 0
    wrapWidths.push(fixed ? fixed - PADDING : undefined);
    if (fixed !== undefined) {
      widths.push(Math.max(1, fixed));
      continue;
    }
    let widest = textWidth(head[col]!) + PADDING;
    for (const row of rows) widest = Math.max(widest, textWidth(row[col] ?? '') + PADDING);
    widths.push(Math.max(1, widest));
  }

  const out: string[] = [];
  const drawRow = (cells: readonly string[], style: ((text: string) => string) | undefined): void => {
    const lines: string[][] = [];
    let height = 1;
    for (let col = 0; col < columns; col++) {
      const cell = cellLines(cells[col] ?? '', wrapWidths[col]);
      lines.push(cell);
      if (cell.length > height) height = cell.length;
    }
    for (let n = 0; n < height; n++) {
      const parts: string[] = [];
      for (let col = 0; col < columns; col++) {
        const line = lines[col]![n];
        const width = widths[col]!;
        // a cell with fewer lines than its row is filled with spaces
        const padded = line === undefined ? ' '.repeat(width) : ` ${fit(line, width - PADDING, aligns[col] ?? 'left')} `;
        parts.push(style ? style(padded) : padded);
      }
      out.push(parts.join(' '));
    }
  };
  drawRow(head, headStyle);
  for (const row of rows) drawRow(row, undefined);
  return out;
}
