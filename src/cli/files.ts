// File IO for the shell: read text safely, write reports atomically and never over a user's file
// unless asked. The engine never touches the file system.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../input/yaml-document.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readTextFile(path: string, display = path): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw inputError(display, 'no such file');
  }
  if (stat.isDirectory()) throw inputError(display, 'is a directory; expected a file');
  if (!stat.isFile()) throw inputError(display, 'is not a regular file');
  if (stat.size > MAX_INPUT_BYTES) throw inputError(display, `file is ${stat.size} bytes; vidcost reads scenarios and price sheets up to 1 MiB`);
  const bytes = readFileSync(path);
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw inputError(display, 'file is not UTF-8 text');
  }
}

/** Writes the whole report to a temporary file beside the target, then renames it into place. */
export function writeFileAtomic(path: string, text: string, force: boolean): void {
  if (existsSync(path) && !force) throw inputError(path, 'already exists; pass --force to replace it');
  const dir = dirname(path);
  if (!existsSync(dir)) throw inputError(path, `folder ${dir} does not exist`);
  const tmp = join(dir, `.vidcost-tmp-${process.pid}-${Date.now()}-${basename(path)}`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw error;
  }
}
