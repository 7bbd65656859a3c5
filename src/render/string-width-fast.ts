// The display width of a table cell (render/text-table.ts): string-width, the version cli-table3
// measured with, so that columns keep their widths. string-width's first call of a run compiles
// emoji-regex's very large pattern, a cost every run that draws a table would pay. vidcost's cells
// are plain text. For a string made only of the characters below, string-width's emoji replacement
// changes nothing and each character is one column wide, so its width is its length.
// test/string-width-fast.test.ts checks every character of the set against emoji-regex and
// string-width itself.
import stringWidth from 'string-width';

/**
 * Printable characters that are no emoji, start or join no emoji sequence (no U+200D, U+FE0F or
 * U+20E3), are not full width, not combining (U+0300-U+036F) and not control characters (so no
 * ANSI colour either): Latin, Greek, Cyrillic and the like, general punctuation up to U+203B, and
 * the mathematical operators. © and ® are left out: they are emoji.
 */
export const PLAIN_TEXT = /^[\u0020-\u007e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u0370-\u10ff\u2010-\u2027\u2030-\u203b\u2200-\u22ff]*$/;

/** The columns text takes in a terminal: string-width's answer, without it for plain text. */
export function displayWidth(text: string): number {
  return typeof text === 'string' && PLAIN_TEXT.test(text) ? text.length : stringWidth(text);
}
