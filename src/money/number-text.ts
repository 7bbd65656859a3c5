// Numbers as people type them in options and quoted YAML values: one grammar for every place a
// number is read from text, so "+500" means 500 everywhere and "0,07" is refused everywhere.

/**
 * Digits with an optional fraction and an optional leading "+"; "_" anywhere between digits, or
 * commas strictly between groups of three ("1,120", "12,000.5"). A decimal comma ("0,07", "1,5")
 * fits neither and is refused: read as grouping it would be a hundred times the number.
 */
export const NUMBER_SYNTAX = '\\+?(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9][0-9_]*)(?:\\.[0-9]+)?|\\+?\\.[0-9]+';

const WHOLE = new RegExp(`^(?:${NUMBER_SYNTAX})$`);

/** The plain decimal literal a number text stands for ("+1,120.5" → "1120.5"), or null when it is not one. */
export function readNumberText(text: string): string | null {
  const t = text.trim();
  if (!WHOLE.test(t)) return null;
  return t.replace(/^\+/, '').replace(/[_,]/g, '');
}

/** Why a text is no number, in words: a decimal comma is named as such. */
export function numberTextProblem(text: string): string {
  if (/\d,\d/.test(text))
    return `"${text}" holds a comma vidcost cannot read: write the decimal point (0.07), and commas only between groups of three digits (1,120)`;
  return `expected a number like 12 or 0.5, found "${text}"`;
}
