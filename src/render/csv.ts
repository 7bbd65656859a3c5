// CSV for spreadsheets (RFC 4180, "\n" between records). A text cell that holds a quote, comma or
// line break is quoted, so a name can add neither cells nor rows. Text a spreadsheet could read as
// a formula (= + - @ tab or CR, or their full-width forms, first in the cell or after any line break
// inside it) gets a leading ' (OWASP's guidance on formula injection). Numbers stay numbers: a
// price decrease of -0.005 is written as it is, never as the text '-0.005.
import { visibleKeepingBreaks } from './safe-text.js';

/** A plain decimal, as the reports write numbers: stays a number in a spreadsheet. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
/** A formula can begin at the start of the cell or of any line in it. */
const FORMULA_START = /(^|\r\n|\r|\n)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  if (PLAIN_NUMBER.test(value)) return value;
  const text = visibleKeepingBreaks(value).replace(FORMULA_START, "$1'");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  // the same names, ids and reasons fill most cells of a long report: each text is written once
  const written = new Map<string, string>();
  const cell = (value: string | number | boolean | null): string => {
    if (typeof value !== 'string') return csvCell(value);
    let text = written.get(value);
    if (text === undefined) written.set(value, (text = csvCell(value)));
    return text;
  };
  const lines = [header.map(cell).join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\n')}\n`;
}
