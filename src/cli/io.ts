// Everything the CLI touches outside itself, passed in so the whole CLI runs in-process in tests.
import { fstatSync, writeSync } from 'node:fs';
// loaded on first use in the bundle (scripts/build.mjs, LAZY_BUILTINS)
import { isatty } from 'node:tty';
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** whether stdout is a terminal (colour only then, and never with NO_COLOR) */
  isTTY: boolean;
  /** today's date, YYYY-MM-DD: the only place the clock enters */
  today: () => string;
}

export function processIo(): CliIo {
  let tty: boolean | undefined;
  return {
    stdout: directWriter(1, () => process.stdout),
    stderr: directWriter(2, () => process.stderr),
    cwd: process.cwd(),
    env: process.env,
    // asked only when colour is possible (a table on stdout, without NO_COLOR): node:tty loads
    // Node's net and stream modules, a few milliseconds of a run
    get isTTY() {
      return (tty ??= isTerminal(1));
    },
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** isatty(fd), without loading node:tty for what cannot be a terminal (files, pipes, sockets). */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

/**
 * Writes to standard output or error with write(2) itself. Every command writes its whole report
 * as one string, and process.stdout would first build a stream for it: for a pipe (a CI log,
 * `| head`) that loads Node's net module, ~3 ms of a run. A descriptor another program left
 * non-blocking (EAGAIN) is handed over to the stream, which waits for it, and so is all that
 * follows, to keep the order. A reader that stops early (`vidcost rates | head`) closes the pipe:
 * the rest has nowhere to go, which is not vidcost's error, so it is dropped quietly and the exit
 * status the command sets is kept. Any other failure to write stdout is said in one line (exit 2).
 */
function directWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let handedOver: NodeJS.WriteStream | null = null;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (handedOver) {
      handedOver.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        handedOver = stream();
        handedOver.on('error', (e: NodeJS.ErrnoException) => failed(fd, e.code ?? e.message));
        handedOver.write(bytes.subarray(written));
      } else if (code === 'EPIPE') closed = true;
      else failed(fd, code ?? String(error));
    }
  };
}

function failed(fd: 1 | 2, code: string): void {
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return;
  if (fd === 1) {
    try {
      writeSync(2, `vidcost: cannot write to standard output (${code})\n`);
    } catch {
      /* nowhere left to say it */
    }
  }
  process.exit(2);
}
