// Line and column of a character offset in a text, for errors found before (or without) a parser
// that counts lines: 1-based, the column in UTF-16 units, as editors count them.

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line += 1;
    start = nl + 1;
  }
  return { line, column: offset - start + 1 };
}
