// Streams a usage log or billing export line by line: the file is read in chunks of CHUNK_BYTES and
// never held whole, so a log of a million rows is read in the memory of one chunk. UTF-8 (a leading
// byte-order mark is dropped), LF or CRLF line ends.
import * as fs from 'node:fs';
import { inputError } from '../errors.js';

const CHUNK_BYTES = 1 << 20;
/** Longest line read: a row is a few hundred bytes; past this the file is not a usage log. */
export const MAX_LINE_CHARS = 1 << 20;

/** Calls onLine(text, lineNumber) for every line; text has no LF (a CR before it is the reader's to drop). */
export function streamLines(path: string, display: string, onLine: (text: string, line: number) => void): void {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(
      display,
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read: permission denied'
          : code === 'EISDIR'
            ? 'is a directory; expected a file'
            : `cannot be read (${code ?? String(error)})`,
    );
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw inputError(display, 'is a directory; expected a usage log or billing export');
    if (!stat.isFile() && !stat.isFIFO()) throw inputError(display, 'is not a regular file; expected a usage log or billing export');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry = '';
    let line = 1;
    let first = true;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      const bytes = buffer.subarray(0, n);
      if (first && n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
        throw inputError(display, 'file is UTF-16 text; save it as UTF-8');
      first = false;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: n > 0 });
      } catch {
        throw inputError(display, 'not UTF-8 text: save the log as UTF-8', '', line, null);
      }
      let start = 0;
      let nl = text.indexOf('\n');
      if (nl >= 0 && carry !== '') {
        onLine(carry + text.slice(0, nl), line++);
        carry = '';
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      while (nl >= 0) {
        onLine(text.slice(start, nl), line++);
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      carry += text.slice(start);
      if (carry.length > MAX_LINE_CHARS)
        throw inputError(display, `line is longer than ${MAX_LINE_CHARS} characters: expected one usage row per line`, '', line, 1);
      if (n === 0) break;
    }
    if (carry !== '') onLine(carry, line);
  } finally {
    fs.closeSync(fd);
  }
}
