/** Runs one registered command against a fake client and captures what it prints. */
import { Command } from 'commander';
import type { ApiClient } from '@mk/client';
import type { RegisterCommand } from '../../command';
import type { CliContext } from '../../context';

/** What a command run printed, and how it ended. */
export interface RunResult {
  out: string;
  err: string;
  error?: unknown;
}

/** A context whose output lands in `result`. */
export function testContext(client: ApiClient, opts: { namespace?: string; now?: Date } = {}): { ctx: CliContext; result: RunResult } {
  const result: RunResult = { out: '', err: '' };
  const ctx: CliContext = {
    io: {
      out: (t) => {
        result.out += t;
      },
      err: (t) => {
        result.err += t;
      },
      readStdin: async () => '',
      isTTY: false,
    },
    client: async () => client,
    namespace: async () => opts.namespace ?? 'default',
    namespaceExplicit: () => opts.namespace !== undefined,
    now: () => opts.now ?? new Date('2024-01-01T00:00:00Z'),
  };
  return { ctx, result };
}

/** Parses argv (without `mk`) through a fresh program with `register` and runs it. */
export async function runCommand(register: RegisterCommand, client: ApiClient, argv: string[], opts: { namespace?: string; now?: Date } = {}): Promise<RunResult> {
  const { ctx, result } = testContext(client, opts);
  const program = new Command('mk').exitOverride().configureOutput({ writeErr: (t) => (result.err += t), writeOut: (t) => (result.out += t) });
  register(program, ctx);
  try {
    await program.parseAsync(['node', 'mk', ...argv]);
  } catch (err) {
    result.error = err;
  }
  return result;
}
