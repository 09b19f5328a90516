/**
 * Bad flag values as cobra reports them: kubectl never sees such a command run; cobra prints
 * `Error: invalid argument "x" for "--max" flag: …` and `See 'kubectl autoscale --help' for usage.`
 * (capital E, unlike kubectl's own `error: `) and exits 1.
 */
import type { Command } from 'commander';
import { CliError, type CliIO } from '../context';
import { commandPath } from '../mutate/kubectl-command';

/** A flag value that does not parse; the message is pflag's. */
export class FlagValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagValueError';
  }
}

export { commandPath };

/** Runs flag parsing; a FlagValueError is printed in cobra's words and ends the command with exit 1. */
export function parseFlags<T>(io: CliIO, cmd: Command, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof FlagValueError)) throw err;
    io.err(`Error: ${err.message}\nSee '${commandPath(cmd)} --help' for usage.\n`);
    throw new CliError('', 1);
  }
}
