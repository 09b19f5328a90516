/** A CliContext for command tests: captured stdout/stderr, scripted stdin, a FakeApiClient and a fixed clock. */
import { Command } from 'commander';
import type { CliContext, CliIO } from '../../context';
import type { RegisterCommand } from '../../command';
import { FakeApiClient, STANDARD_RESOURCES } from './fake-client';

/** What a test can inspect after running a command. */
export interface FakeCli {
  ctx: CliContext;
  client: FakeApiClient;
  stdout(): string;
  stderr(): string;
  /** Parses and runs `args` (without the program name) through the registered command(s). */
  run(...args: string[]): Promise<void>;
}

/** Options of the fake context. */
export interface FakeCliOptions {
  namespace?: string;
  namespaceExplicit?: boolean;
  stdin?: string;
  client?: FakeApiClient;
}

/** Builds a program with the given commands registered on a fake context. */
export function fakeCli(registers: RegisterCommand[], opts: FakeCliOptions = {}): FakeCli {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => opts.stdin ?? '',
    isTTY: false,
  };
  const client = opts.client ?? new FakeApiClient(STANDARD_RESOURCES);
  const ctx: CliContext = {
    io,
    client: async () => client,
    namespace: async () => opts.namespace ?? 'default',
    namespaceExplicit: () => opts.namespaceExplicit ?? false,
    now: () => new Date('2025-01-01T00:00:00Z'),
  };
  const program = new Command('mk').exitOverride().configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
  for (const register of registers) register(program, ctx);
  return {
    ctx,
    client,
    stdout: () => out,
    stderr: () => err,
    run: async (...args) => {
      await program.parseAsync(args, { from: 'user' });
    },
  };
}
