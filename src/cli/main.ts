// The command-line shell: parse arguments, read files, pick a renderer, set the exit status.
// Exit codes: 0 done, 1 a gate the user asked for failed, 2 bad input or usage, 3 internal error.
import { Command, CommanderError } from 'commander';
import { formatProblem, InputError, limitProblems, printable } from '../errors.js';
import { registerEstimate } from './commands/estimate.js';
import { registerRates } from './commands/rates.js';
import { registerValidate } from './commands/validate.js';
import { registerInit } from './commands/init.js';
import { registerSchema } from './commands/schema.js';
import { registerDiff } from './commands/diff.js';
import { registerForecast } from './commands/forecast.js';
import { registerSweep } from './commands/sweep.js';
import { registerPrices } from './commands/prices.js';
import { registerActuals } from './commands/actuals.js';
import type { CliIo } from './io.js';

export const VERSION = '0.1.0';

/** Every command, in the order `vidcost --help` lists them. */
const COMMANDS: Record<string, (program: Command, io: CliIo, setExit: (code: number) => void) => void> = {
  estimate: registerEstimate,
  rates: registerRates,
  validate: registerValidate,
  init: registerInit,
  schema: registerSchema,
  diff: registerDiff,
  forecast: registerForecast,
  sweep: registerSweep,
  prices: registerPrices,
  actuals: registerActuals,
};

export async function run(argv: readonly string[], given: CliIo): Promise<number> {
  // stderr is vidcost's own voice, but its messages quote names from the user's files: every line
  // is shown, never obeyed (no control, direction or invisible characters reach the terminal)
  // (each write is one message ending in one newline; a line break inside comes from a name)
  const io: CliIo = { ...given, stderr: (text) => given.stderr(text.endsWith('\n') ? `${printable(text.slice(0, -1))}\n` : printable(text)) };
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const debug = argv.includes('--debug');
  const program = new Command('vidcost')
    .description('What a generative-video feature costs per month on each closed video API, exact to the cent.')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(usageError(text)) });
  // When the first word names a command, only that one is defined: the others' options and help
  // would be built for nothing on every run. Help, the version and unknown words get them all.
  const asked = argv.find((a) => !a.startsWith('-'));
  const only = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? asked : null;
  for (const [name, register] of Object.entries(COMMANDS)) if (only === null || name === only) register(program, io, setExit);
  try {
    await program.parseAsync(['node', 'vidcost', ...argv.filter((a) => a !== '--debug')]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every other commander error is a usage error
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InputError) {
      for (const p of limitProblems(error.problems)) io.stderr(`vidcost: ${oneLine(formatProblem(p))}\n`);
      if (debug && error.stack) writeLines(io, error.stack);
      return 2;
    }
    // Anything else is vidcost's own fault: one line, and the stack only when asked for.
    const message = oneLine(error instanceof Error ? error.message : String(error)) || 'unknown error';
    if (debug) {
      io.stderr(`vidcost: internal error: ${message}\n`);
      writeLines(io, error instanceof Error && error.stack ? error.stack : String(error));
    } else {
      io.stderr(`vidcost: internal error: ${message} (a bug in vidcost: rerun with --debug for the stack trace, and please report it)\n`);
    }
    return 3;
  }
}

/** A stack trace, one write per line, so that each line is shown the way every stderr line is. */
function writeLines(io: CliIo, text: string): void {
  for (const line of text.split('\n')) io.stderr(`${line}\n`);
}

/** A message on one line: a stray newline in a file name or value must not forge extra output lines. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Commander's "error: unknown option '--frmat'\n(Did you mean --format?)" in vidcost's voice. */
export function usageError(text: string): string {
  const lines = text
    .trim()
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const first = (lines[0] ?? 'bad usage').replace(/^error:\s*/, '');
  const rest = lines.slice(1).map((l) => l.trim().replace(/^\(Did you mean (.*)\?\)$/, '(did you mean $1?)'));
  const hint = rest.some((l) => l.startsWith('(did you mean')) ? '' : ' (see vidcost --help)';
  return `vidcost: ${[first, ...rest].join(' ')}${hint}\n`;
}
