// The next dated price sheet of a vendor, drafted from the one in force: the same text with the new
// effective date, every comment, figure and source kept as written, so the person editing it sees
// exactly what changes. `verified:` keeps its date: a draft is not verified until a person has read
// the sources again and says so (a future date would also be refused as a verification date).
// Pure: text in, text out.
import { isMap, isScalar, parseDocument } from 'yaml';

/** `text` (a sheet) with `effective:` set to `effective`. Only that value is replaced; nothing else moves. */
export function nextSheetText(text: string, effective: string): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (!isMap(doc.contents)) throw new Error('a price sheet is a mapping');
  const edits: { from: number; to: number; value: string }[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) continue;
    const key = String(pair.key.value);
    if (key === 'effective') {
      edits.push({ from: pair.value.range[0], to: pair.value.range[1], value: effective });
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.value + out.slice(e.to);
  return out;
}
