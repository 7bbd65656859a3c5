// One CSV record (RFC 4180: commas, double quotes, "" inside quotes) split into fields, with the
// column each field starts at, for error messages. A quoted field may span lines: the caller joins
// the next line while the record is still open.

export interface CsvRecord {
  fields: string[];
  /** 1-based column where each field starts */
  columns: number[];
}

/** The record's fields, or 'open' when a quoted field continues on the next line. */
export function splitCsvRecord(text: string): CsvRecord | 'open' | { error: string; column: number } {
  const fields: string[] = [];
  const columns: number[] = [];
  // the common case, no quotes at all: a plain split
  if (text.indexOf('"') < 0) {
    let start = 0;
    for (;;) {
      const comma = text.indexOf(',', start);
      columns.push(start + 1);
      if (comma < 0) {
        fields.push(text.slice(start));
        return { fields, columns };
      }
      fields.push(text.slice(start, comma));
      start = comma + 1;
    }
  }
  let i = 0;
  const n = text.length;
  for (;;) {
    columns.push(i + 1);
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return 'open';
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      fields.push(value);
      if (j >= n) return { fields, columns };
      if (text[j] !== ',') return { error: 'a quoted field must end at a comma or the end of the line', column: j + 1 };
      i = j + 1;
      if (i === n) {
        columns.push(i + 1);
        fields.push('');
        return { fields, columns };
      }
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      const value = text.slice(i, end);
      if (value.includes('"'))
        return { error: 'a double quote inside an unquoted field (quote the whole field and write "" for each quote)', column: i + value.indexOf('"') + 1 };
      fields.push(value);
      if (comma < 0) return { fields, columns };
      i = comma + 1;
      if (i === n) {
        columns.push(i + 1);
        fields.push('');
        return { fields, columns };
      }
    }
  }
}
