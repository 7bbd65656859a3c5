// Everything the CLI touches outside itself, passed in so the whole CLI runs in-process in tests.
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
  return {
    stdout: writerTo(process.stdout, 'standard output'),
    stderr: writerTo(process.stderr, 'standard error'),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/**
 * Writes to standard output or error. A reader that stops early (`vidcost rates | head`) closes the
 * pipe: the rest has nowhere to go, which is not vidcost's error, so it is dropped quietly and the
 * exit status the command sets is kept. Any other failure to write is said in one line (exit 2).
 */
function writerTo(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === 'EPIPE') return;
    if (stream === process.stdout) process.stderr.write(`vidcost: cannot write to ${name} (${error.code ?? error.message})\n`);
    process.exit(2);
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
