// Errors the user can act on. An InputError is bad input (exit 2); anything else is ours (exit 3).

export interface Problem {
  file: string;
  line: number | null;
  column: number | null;
  /** dotted field path, e.g. "workloads[0].resolution" */
  field: string;
  message: string;
  /** a near miss, e.g. "runway/gen4-turbo" */
  suggestion?: string;
}

/** Most problems shown for one file; the rest are counted on one last line. */
export const MAX_PROBLEMS_PER_FILE = 20;

export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(limitProblems(problems).map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function inputError(
  file: string,
  message: string,
  field = '',
  line: number | null = null,
  column: number | null = null,
  suggestion?: string,
): InputError {
  return new InputError([{ file, line, column, field, message, ...(suggestion ? { suggestion } : {}) }]);
}

/**
 * The problems to show: in the order given, at most `max` per file, and after a file's last shown
 * problem one line saying how many more that file has.
 */
export function limitProblems(problems: readonly Problem[], max = MAX_PROBLEMS_PER_FILE): Problem[] {
  const total = new Map<string, number>();
  for (const p of problems) total.set(p.file, (total.get(p.file) ?? 0) + 1);
  const shown = new Map<string, number>();
  const out: Problem[] = [];
  for (const p of problems) {
    const n = (shown.get(p.file) ?? 0) + 1;
    shown.set(p.file, n);
    if (n <= max) out.push(p);
    const all = total.get(p.file)!;
    if (n === max && all > max) {
      const more = all - max;
      out.push({
        file: p.file,
        line: null,
        column: null,
        field: '',
        message: `and ${more} more problem${more === 1 ? '' : 's'} in this file (vidcost shows the first ${max}; fix these and run it again)`,
      });
    }
  }
  return out;
}

/** "scenario.yaml:12:17: workloads[0].resolution: expected one of ... (did you mean 1080p?)" */
export function formatProblem(p: Problem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const field = p.field ? ` ${p.field}:` : '';
  const hint = p.suggestion ? ` (did you mean ${p.suggestion}?)` : '';
  return printable(`${where}:${field} ${p.message}${hint}`);
}

/**
 * One line of plain text: line breaks become spaces and other control characters are written as
 * \u escapes, so text from a file (a key, a value, a file name) can neither forge extra output
 * lines nor send escape sequences to the terminal.
 */
export function printable(text: string): string {
  return (
    text
      .replace(/\s*(\r\n|[\r\n\u2028\u2029])+\s*/g, ' ')
      // controls, and the direction overrides and invisible characters that make two names look alike
      .replace(
        /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
  );
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("1800p" is one from "1080p"). */
export function editDistance(a: string, b: string): number {
  // optimal string alignment: Levenshtein plus adjacent transpositions
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur.push(d);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is close enough to be a typo rather than a different word. */
export function nearMiss(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  // a typo is short: past this, no candidate is close and the distance would only cost time
  if (needle.length > 100) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    let score = editDistance(needle, hay);
    // "gen4turbo" vs "runway/gen4-turbo": compare the part after the slash too
    const tail = hay.includes('/') ? hay.slice(hay.indexOf('/') + 1) : hay;
    score = Math.min(score, editDistance(needle, tail) + 1);
    if (hay.replace(/[^a-z0-9]/g, '') === needle.replace(/[^a-z0-9]/g, '')) score = Math.min(score, 1);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(needle.length, 4) / 3));
  return bestScore <= limit ? best : undefined;
}
