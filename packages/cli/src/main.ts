/** The `mk` binary (bundled to dist/mk.js): runs the program against the real process. */
import { processIO } from './cli-context';
import { runMk } from './program';

runMk(process.argv.slice(2), { io: processIO(), env: process.env }).then(
  (code) => {
    // exitCode, not exit(): pending writes to a piped stdout must flush first.
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
