// Text from files (scenario, workload and offering names, notes) on its way into a report. It may
// hold line breaks, escape sequences and invisible characters; a report shows each of them as a
// visible escape, so no name can forge a line, drive the terminal or pass for another name.

/** C0 and C1 control characters (ESC among them), DEL; line breaks and tab are handled apart. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * Characters that change the direction of the text after them (the bidi embeddings, overrides and
 * isolates, the directional marks) or take no room (zero-width space, joiners, word joiner,
 * invisible operators, byte-order mark, soft hyphen, Mongolian vowel separator).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const OUTER_BREAKS = /^[\r\n\u0085\u2028\u2029]+|[\r\n\u0085\u2028\u2029]+$/g;
const CONTROLS_AND_BREAKS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g;

function escaped(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether text holds anything `oneLine` would change (the common case is none: no copy made). */
export function needsCleaning(text: string): boolean {
  return /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(text);
}

/**
 * One line of visible text: line breaks at either end are dropped (a folded YAML note ends in one);
 * line breaks inside, control characters, direction changes and invisible characters become
 * \uXXXX escapes, so "x\nCheapest route: $1.00" stays visibly one name. Tab becomes a space.
 */
export function oneLine(text: string): string {
  if (!needsCleaning(text)) return text;
  return text.replace(OUTER_BREAKS, '').replace(/\t/g, ' ').replace(CONTROLS_AND_BREAKS, escaped).replace(INVISIBLE, escaped);
}

/** Control, direction and invisible characters as \uXXXX escapes; line breaks and tabs kept (CSV quotes them). */
export function visibleKeepingBreaks(text: string): string {
  if (!needsCleaning(text)) return text;
  return text
    .replace(CONTROLS, escaped)
    .replace(INVISIBLE, escaped)
    .replace(/[\u0085\u2028\u2029]/g, escaped);
}

/** INVISIBLE, DEL, C1 controls and the two Unicode line separators: what JSON.stringify leaves raw. */
const RAW_IN_JSON = /[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** JSON text with direction and invisible characters written as \u escapes: the same data, visible in any viewer. */
export function escapeInvisibleInJson(json: string): string {
  // one pass: a report of 1,000 workloads is megabytes of JSON
  return json.replace(RAW_IN_JSON, escaped);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: & < > " ' become entities, so no string can open a tag or leave an attribute. */
export function escapeHtml(text: string): string {
  // line breaks, direction overrides and invisible characters shown as escapes (oneLine above)
  return oneLine(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}
