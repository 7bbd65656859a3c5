// File IO for the shell: read text safely, write reports atomically and never over a user's file
// unless asked. The engine never touches the file system.
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { inputError, InputError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../input/yaml-read.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a path cannot be used, in words, from a Node file-system error. */
function reason(error: unknown, what: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return what === 'read' ? 'no such file' : 'no such folder';
    case 'ENOTDIR':
      return 'no such file (a part of the path is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return `cannot be ${what === 'read' ? 'read' : 'written'}: permission denied`;
    case 'EISDIR':
      return 'is a directory; expected a file';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'ELOOP':
      return 'the path loops through symbolic links';
    case 'ENOSPC':
      return 'cannot be written: the disk is full';
    case 'EROFS':
      return 'cannot be written: the file system is read-only';
    default:
      return `cannot be ${what === 'read' ? 'read' : 'written'} (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/**
 * Reads a scenario or price sheet as UTF-8 text: a regular file of at most MAX_INPUT_BYTES.
 * Never reads more than the limit (a file that grows while read is still refused).
 */
export function readTextFile(path: string, display = path): string {
  return decodeText(readRegularFile(path, display, MAX_INPUT_BYTES, 'scenarios and price sheets'), display);
}

// Opening a FIFO for reading waits for a writer, forever if none comes; O_NONBLOCK opens it at
// once so that fstat can refuse it. On a regular file O_NONBLOCK changes nothing.
const OPEN_FOR_CHECK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * The bytes of a regular file of at most `maxBytes`; anything else (a folder, FIFO, device or
 * socket) is refused from its type, checked on the opened file before a byte is read.
 */
export function readRegularFile(path: string, display: string, maxBytes: number, what: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FOR_CHECK);
  } catch (error) {
    throw inputError(display, reason(error, 'read'));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw inputError(display, 'is a directory; expected a file');
    if (!stat.isFile()) throw inputError(display, `is not a regular file (${kindOf(stat)}); expected a file`);
    const limit = `vidcost reads ${what} up to ${sizeWords(maxBytes)}`;
    if (stat.size > maxBytes) throw inputError(display, `file is ${stat.size} bytes; ${limit}`);
    // room for the size fstat gave and one byte more, grown (up to the limit) if the file grows
    // while it is read: not the whole limit for each of the eight files a run reads
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw inputError(display, `file is larger than ${maxBytes} bytes; ${limit}`);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError(display, reason(error, 'read'));
  } finally {
    fs.closeSync(fd);
  }
}

/** "128 KiB (131072 bytes)", "32 MiB (33554432 bytes)". */
export function sizeWords(bytes: number): string {
  const unit = bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
  return `${unit} (${bytes} bytes)`;
}

/** What a file that is neither a regular file nor a folder is, in words. */
export function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** UTF-8 bytes to text (a leading byte-order mark dropped); anything else is refused with where it goes wrong. */
export function decodeText(bytes: Uint8Array, display: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw inputError(display, 'file is UTF-16 text; save it as UTF-8');
  }
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad);
    let line = 1;
    let lineStart = 0;
    before.forEach((b, i) => {
      if (b === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
    });
    const column = utf8.decode(bytes.subarray(lineStart, bad)).length + 1;
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw inputError(display, `file is not UTF-8 text (byte 0x${hex} at byte offset ${bad}): expected a YAML text file`, '', line, column);
  }
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i;
    if (need > 0 && !utf8Ok(bytes.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function utf8Ok(seq: Uint8Array): boolean {
  try {
    utf8.decode(seq);
    return true;
  } catch {
    return false;
  }
}

/** The file-system calls a write makes; tests pass failing ones to prove a failed write leaves nothing behind. */
export interface WriteOps {
  openSync: typeof fs.openSync;
  /** writes bytes [offset, offset + length) of data; returns how many were written */
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  linkSync: typeof fs.linkSync;
  unlinkSync: typeof fs.unlinkSync;
}

const nodeOps: WriteOps = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  unlinkSync: fs.unlinkSync,
};

/**
 * Writes the whole text to a temporary file beside the target, then moves it into place in one
 * step, so a reader sees the old file or the new one, never half of one. Without `force` an
 * existing target is refused (and the final step is a hard link, which cannot replace a file that
 * appears meanwhile). Only a regular file is ever replaced, with its permissions kept: a device,
 * pipe, socket, folder or symbolic link is refused even with `force`. On any failure, and on
 * SIGINT, SIGTERM or SIGHUP, the temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(path: string, text: string, force: boolean, options: { display?: string; ops?: Partial<WriteOps> } = {}): void {
  const display = options.display ?? path;
  const ops: WriteOps = { ...nodeOps, ...options.ops };
  checkOutPath(display);
  checkOutPath(path);
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(path);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw inputError(display, 'is a directory; expected a file name to write');
  if (existing && !existing.isFile())
    throw inputError(display, `is ${kindOf(existing)}, not a regular file; vidcost writes only regular files, even with --force`);
  if (existing && !force) throw inputError(display, 'already exists; pass --force to replace it');
  const dir = dirname(path);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw inputError(display, `folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw inputError(display, `${dir} is not a folder`);
  const tmp = join(dir, `.${basename(path)}.vidcost-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  removeOnSignal();
  let created = false;
  try {
    const fd = ops.openSync(tmp, 'wx', 0o644);
    created = true;
    pendingTemporaryFiles.add(tmp);
    try {
      // the replaced file's permissions, not the umask's: a private report stays private
      if (existing) fs.fchmodSync(fd, existing.mode & 0o7777);
      writeAll(ops, fd, Buffer.from(text, 'utf8'));
      ops.fsyncSync(fd);
    } finally {
      ops.closeSync(fd);
    }
    if (force) ops.renameSync(tmp, path);
    else {
      ops.linkSync(tmp, path);
      ops.unlinkSync(tmp);
    }
    created = false;
    pendingTemporaryFiles.delete(tmp);
  } catch (error) {
    if (created) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* already gone */
      }
      pendingTemporaryFiles.delete(tmp);
    }
    if ((error as NodeJS.ErrnoException | null)?.code === 'EEXIST' && !force) throw inputError(display, 'already exists; pass --force to replace it');
    if (error instanceof InputError) throw error;
    throw inputError(display, reason(error, 'write'));
  }
}

/** `--out` as typed: an empty name or one ending in "/" names no file (resolving it would write the folder's name). */
export function checkOutPath(out: string): void {
  if (out === '') throw inputError('--out', 'expected a file name to write, found an empty one');
  if (/[\\/]$/.test(out)) throw inputError(out, 'names a folder (it ends with "/"); expected a file name to write');
}

/** Temporary files being written now: removed if a signal ends the process. */
const pendingTemporaryFiles = new Set<string>();
let signalsHandled = false;

/**
 * A signal's default action ends the process at once, mid-write, leaving the temporary file.
 * Handled, it waits for the (synchronous) write to finish or fail; then the handler removes what
 * is left and raises the signal again, so the process still ends the way the signal asks.
 */
function removeOnSignal(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const tmp of pendingTemporaryFiles) {
        try {
          fs.unlinkSync(tmp);
        } catch {
          /* already gone */
        }
      }
      pendingTemporaryFiles.clear();
      process.kill(process.pid, signal);
    });
  }
}

/** Writes until every byte is down (a short write is not an error in Node, so loop). */
function writeAll(ops: WriteOps, fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) {
    const n = ops.writeSync(fd, data, offset, data.length - offset);
    if (!(n > 0)) throw Object.assign(new Error('short write'), { code: 'EIO' });
    offset += n;
  }
}
