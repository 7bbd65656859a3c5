// CSV for spreadsheets. csv-stringify does the quoting, and its escape_formulas option neutralizes
// cells beginning with = + - @ tab or CR (OWASP's guidance on formula injection).
import { stringify } from 'csv-stringify/sync';

export function renderCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return stringify([header, ...rows.map((r) => r.map((v) => (v === null ? '' : String(v))))], { escape_formulas: true, record_delimiter: 'unix' });
}
