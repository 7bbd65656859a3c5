// Picks the renderer for --format and writes the result to stdout or --out.
import { inputError } from '../errors.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderJson } from '../render/json.js';
import { renderTable } from '../render/table.js';
import type { View } from '../render/view.js';
import { checkOutPath, writeFileAtomic } from './files.js';
import type { CliIo } from './io.js';
import { extname, resolve } from 'node:path';

export const FORMATS = ['table', 'json', 'markdown', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format?: string;
  out?: string;
  force?: boolean;
  color?: boolean;
}

export interface Renderers {
  /** the View for the terminal table or for Markdown (a report may draw bars only on a terminal) */
  view: (target: 'table' | 'markdown') => View;
  json: () => unknown;
  csv?: () => string;
  html?: () => string;
}

/** How --format's help ends: what checkFormat does when it is not given. */
export const FORMAT_DEFAULT_HELP = '(default: the kind of file --out names, by its extension, else table)';

const FORMAT_OF_EXTENSION: Readonly<Record<string, Format>> = { '.json': 'json', '.md': 'markdown', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

/**
 * The format asked for; without --format, the one --out's extension names (report.json is JSON, so a
 * table is never written into a .json file), else the terminal table.
 */
export function checkFormat(format: string | undefined, allowed: readonly Format[], out?: string): Format {
  const implied = format === undefined && out !== undefined ? FORMAT_OF_EXTENSION[extname(out).toLowerCase()] : undefined;
  const f = (format ?? implied ?? 'table') as Format;
  if (!allowed.includes(f)) {
    if (implied)
      throw inputError('--format', `--out ${out} asks for ${f} by its extension, which this command does not write: give --format (${allowed.join(', ')})`);
    throw inputError('--format', `expected one of ${allowed.join(', ')}, found "${format}"`);
  }
  return f;
}

export function render(format: Format, r: Renderers, io: CliIo, options: OutputOptions): string {
  switch (format) {
    case 'json':
      return renderJson(r.json());
    case 'markdown':
      return renderMarkdown(r.view('markdown'));
    case 'csv':
      if (!r.csv) throw inputError('--format', 'csv is not available for this command');
      return r.csv();
    case 'html':
      if (!r.html) throw inputError('--format', 'html is not available for this command');
      return r.html();
    default: {
      // the terminal is asked last: finding out costs a module load (see cli/io.ts)
      const color = !options.out && options.color !== false && !io.env['NO_COLOR'] && io.isTTY;
      return renderTable(r.view('table'), { color });
    }
  }
}

export function emit(io: CliIo, text: string, options: OutputOptions): void {
  if (options.out !== undefined) {
    checkOutPath(options.out);
    writeFileAtomic(resolve(io.cwd, options.out), text, Boolean(options.force), { display: options.out });
  } else {
    io.stdout(text);
  }
}
