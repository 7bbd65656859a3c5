// The default terminal renderer: readable at 80 columns, colour only when asked (a TTY without NO_COLOR).
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { View } from './view.js';

export interface TableOptions {
  color: boolean;
}

export function renderTable(view: View, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [c.bold(view.title)];
  for (const line of view.subtitle) out.push(c.dim(line));
  if (view.headline) out.push('', c.bold(view.headline));
  for (const section of view.sections) {
    out.push('');
    if (section.heading) out.push(c.bold(section.heading));
    if (section.table && section.table.rows.length > 0) {
      const t = new Table({
        head: section.table.columns.map((col) => col.header),
        colAligns: section.table.columns.map((col) => col.align ?? 'left'),
        style: { head: options.color ? ['cyan'] : [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
        chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ' },
      });
      for (const row of section.table.rows) t.push(row);
      out.push(...t.toString().split('\n').map((l) => l.replace(/\s+$/, '')));
    }
    for (const line of section.lines ?? []) out.push(line);
    for (const n of section.notices ?? []) {
      const mark = n.severity === 'error' ? c.red('error') : n.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out.push(`${mark} ${c.dim(`[${n.code}]`)} ${n.text}`);
    }
  }
  return `${out.join('\n')}\n`;
}
