// A report laid out for people: titled sections of tables and sentences. The table and Markdown
// renderers both draw from it, so the two always say the same thing.
export type Severity = 'info' | 'warning' | 'error';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** a terminal too narrow for the table drops optional columns first */
  optional?: boolean;
}

export interface Table {
  columns: Column[];
  rows: string[][];
}

export interface Section {
  heading?: string;
  table?: Table;
  lines?: string[];
  /** sentences with a severity, e.g. advisories */
  notices?: { severity: Severity; code: string; text: string }[];
}

export interface View {
  title: string;
  /** one line a reader sees first: the answer (e.g. "Cheapest route: $1,250.00/month") */
  headline?: string;
  subtitle: string[];
  sections: Section[];
}
