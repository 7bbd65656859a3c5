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
  ignoreClosedStdout();
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/**
 * A reader that stops early (`vidcost rates | head`) closes the pipe: the rest of the output has
 * nowhere to go, which is not an error of vidcost's. Drop it quietly and keep the exit status
 * the command sets; any other failure to write stdout is said in one line (exit 2).
 */
function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`vidcost: cannot write to standard output (${error.code ?? error.message})\n`);
    process.exit(2);
  });
}
