// Markdown for pull-request comments. Every string that can come from a user (scenario and
// workload names, notes) is escaped so it can neither break a table nor inject markup.
import { oneLine } from './safe-text.js';
import type { View } from './view.js';

// `$` starts GitHub math and `~` strikethrough, so prices need them escaped too.
const SPECIAL = /[\\`*_{}[\]|<>~&$!]/g;

/**
 * "@name" pings a person and "#123" links an issue in a pull-request comment, even escaped; a
 * zero-width space after the mark (written as an entity, so it shows in the source) keeps the
 * text and breaks the link.
 */
const MENTION_OR_ISSUE = /([@#])(?=[A-Za-z0-9])/g;

export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
      // Only a line-start marker followed by a space starts a heading or list; escape its punctuation
      // ("31\\. x"), since a backslash before a digit is no escape and GitHub would show it.
      .replace(/^(\s*)([#+\-=])(?=\s|$)/, '$1\\$2')
      .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
      .replace(MENTION_OR_ISSUE, '$1&#8203;')
  );
}

/** Figures like "~$0.07–$0.14" read fine as they are; only user text needs full escaping. */
function cell(text: string): string {
  return escapeMarkdown(text);
}

export function renderMarkdown(view: View): string {
  const out: string[] = [];
  if (view.headline) out.push(`**${cell(view.headline)}**`, '');
  out.push(`### ${cell(view.title)}`, '');
  for (const line of view.subtitle) out.push(`${cell(line)}  `);
  for (const section of view.sections) {
    out.push('');
    if (section.heading) out.push(`#### ${cell(section.heading)}`, '');
    if (section.table && section.table.rows.length > 0) {
      const cols = section.table.columns;
      out.push(`| ${cols.map((c) => cell(c.header)).join(' | ')} |`);
      out.push(`|${cols.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
      for (const row of section.table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
      out.push('');
    }
    for (const line of section.lines ?? []) out.push(`${cell(line)}  `);
    for (const n of section.notices ?? []) out.push(`- **${n.severity}** \`${n.code}\`: ${cell(n.text)}`);
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
