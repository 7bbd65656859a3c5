// Advisories for people: one line per code, with how many there are and the worst of them, so a
// thousand workloads do not bury the one warning that matters. `--verbose` lists every advisory;
// JSON always carries the full list.
import type { Advisory } from '../engine/advisories.js';
import { dec } from '../money/decimal.js';
import { formatNumber } from '../money/format.js';
import type { Section, Severity } from './view.js';

export interface AdvisoryOptions {
  /** every advisory on its own line, as JSON has them */
  verbose?: boolean;
  /** leave out info advisories (a pull-request comment), saying how many */
  compact?: boolean;
}

export type Notice = { severity: Severity; code: string; text: string };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** names of the others a rolled-up line mentions before "and N more" */
const NAMED = 3;
/** a code with at most this many advisories shows each of them: rolling up two saves nothing */
const SHOWN_EACH = 2;

/** What an advisory is about, in a few words: "drafts on kling/kling-3.0", "runway". */
export function advisorySubject(a: Advisory): string {
  if (a.workload !== undefined && a.offering !== undefined) return `${a.workload} on ${a.offering}`;
  return a.workload ?? a.offering ?? a.vendor ?? '';
}

/**
 * The notices to show. Advisories of one code become one notice: its count, the first in full (the
 * engine lists the worst of a code first), and who else it concerns. A code seen once or twice is shown as is;
 * errors come first, then warnings, then info.
 */
export function advisoryNotices(advisories: readonly Advisory[], options: AdvisoryOptions = {}): { notices: Notice[]; hidden: number } {
  const shown = advisories.filter((a) => !options.compact || a.severity !== 'info');
  const hidden = advisories.length - shown.length;
  if (options.verbose) return { notices: shown.map((a) => ({ severity: a.severity, code: a.code, text: a.message })), hidden };
  const byCode = new Map<string, Advisory[]>();
  for (const a of shown) byCode.set(a.code, [...(byCode.get(a.code) ?? []), a]);
  const notices: Notice[] = [];
  for (const [code, group] of byCode) {
    const first = group[0]!;
    const severity = group.reduce<Severity>((worst, a) => (SEVERITY_ORDER[a.severity] < SEVERITY_ORDER[worst] ? a.severity : worst), first.severity);
    if (group.length <= SHOWN_EACH) {
      notices.push(...group.map((a) => ({ severity: a.severity, code, text: a.message })));
      continue;
    }
    const others = [
      ...new Set(
        group
          .slice(1)
          .map(advisorySubject)
          .filter((s) => s !== '' && s !== advisorySubject(first)),
      ),
    ];
    const named = others.slice(0, NAMED);
    const more = group.length - 1 - named.length;
    let also = '';
    if (named.length > 0) also = ` Also ${named.join(', ')}${more > 0 ? ` and ${count(more)} more` : ''}.`;
    else if (more > 0) also = ` And ${count(more)} more.`;
    notices.push({ severity, code, text: `${count(group.length)} like this, the worst first: ${first.message}${also}` });
  }
  notices.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { notices, hidden };
}

/** The Advisories section of a report, or none. Says how to see what a roll-up or compact view left out. */
export function advisorySection(advisories: readonly Advisory[], options: AdvisoryOptions = {}): Section[] {
  const { notices, hidden } = advisoryNotices(advisories, options);
  if (notices.length === 0 && hidden === 0) return [];
  const lines: string[] = [];
  if (hidden > 0) lines.push(`${hidden} info advisor${hidden === 1 ? 'y' : 'ies'} not shown (see the full estimate).`);
  const rolled = shownCount(advisories, options) - notices.length;
  const sections: Section[] = [{ heading: 'Advisories', notices, lines }];
  if (rolled > 0)
    sections.push({
      lines: [`${count(advisories.length - hidden)} advisories, rolled up into one line per code; --verbose lists each one (JSON always does).`],
    });
  return sections;
}

function shownCount(advisories: readonly Advisory[], options: AdvisoryOptions): number {
  return options.compact ? advisories.filter((a) => a.severity !== 'info').length : advisories.length;
}

/** A count grouped as every figure in a report is ("1,646"), without starting ICU. */
function count(n: number): string {
  return formatNumber(dec(n));
}
