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

export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function inputError(file: string, message: string, field = '', line: number | null = null, column: number | null = null, suggestion?: string): InputError {
  return new InputError([{ file, line, column, field, message, ...(suggestion ? { suggestion } : {}) }]);
}

/** "scenario.yaml:12:17: workloads[0].resolution: expected one of ... (did you mean 1080p?)" */
export function formatProblem(p: Problem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const field = p.field ? ` ${p.field}:` : '';
  const hint = p.suggestion ? ` (did you mean ${p.suggestion}?)` : '';
  return `${where}:${field} ${p.message}${hint}`;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is close enough to be a typo rather than a different word. */
export function nearMiss(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
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
