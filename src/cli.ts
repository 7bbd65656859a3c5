// The `vidcost` executable: the only place that touches process.
import { run } from './cli/main.js';
import { processIo } from './cli/io.js';

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vidcost: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
