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
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    today: () => new Date().toISOString().slice(0, 10),
  };
}
