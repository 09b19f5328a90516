/** The `mk` commander program: kubectl's global flags, every registered command, one error boundary. */
import { Command, Option } from 'commander';
import { createCliContext, type GlobalFlags } from './cli-context';
import type { RegisterCommand } from './command';
import type { CliContext, CliIO } from './context';
import { runWithErrorBoundary } from './error-boundary';

const DESCRIPTION = `mk controls a local Kubernetes cluster and speaks kubectl.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/`;

/** buildProgram creates `mk` with kubectl's global flags and registers the given commands on it. */
export function buildProgram(io: CliIO, registers: RegisterCommand[], makeContext: (program: Command) => CliContext): Command {
  const program = new Command('mk')
    .description(DESCRIPTION)
    .usage('[flags] [command]')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true)
    .helpCommand(false);
  program.addOption(new Option('--kubeconfig <path>', 'Path to the kubeconfig file to use for CLI requests.'));
  program.addOption(
    new Option('--cache-dir <dir>', 'Default cache directory (default "$MK_HOME/cache", so every MK_HOME keeps its own; kubectl\'s is "$HOME/.kube/cache")'),
  );
  program.addOption(new Option('--context <name>', 'The name of the kubeconfig context to use'));
  program.addOption(new Option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request'));
  program.addOption(new Option('-s, --server <url>', 'The address and port of the Kubernetes API server'));
  program.addOption(new Option('--token <token>', 'Bearer token for authentication to the API server'));
  program.addOption(
    new Option(
      '--request-timeout <duration>',
      'The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don\'t timeout requests.',
    ).default('0'),
  );
  const ctx = makeContext(program);
  for (const register of registers) register(program, ctx);
  return program;
}

/** What runMk needs from the process (injected so tests run it in-process). */
export interface MkProcess {
  io: CliIO;
  env: Record<string, string | undefined>;
  now?: () => Date;
}

/**
 * runMk parses argv (without node and script), runs the command inside the
 * error boundary and returns the exit code. Commands are imported lazily so
 * that `mk --help` does not load every command's dependencies.
 */
export async function runMk(argv: string[], proc: MkProcess, registers?: RegisterCommand[]): Promise<number> {
  const list = registers ?? (await import('./commands/index')).commands;
  const program = buildProgram(proc.io, list, (p) =>
    createCliContext({ io: proc.io, env: proc.env, now: proc.now, globals: () => p.opts<GlobalFlags>() }),
  );
  if (argv.length === 0) {
    // kubectl without arguments prints its help and succeeds.
    program.outputHelp();
    return 0;
  }
  return runWithErrorBoundary(() => program.parseAsync(argv, { from: 'user' }).then(() => undefined), (s) => proc.io.err(s));
}
