/** What every command gets: I/O, the lazily-resolved cluster client, the namespace, the clock. */
import type { ApiClient } from '@mk/client';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input (for `-f -`). */
  readStdin(): Promise<string>;
  isTTY: boolean;
}

export interface CliContext {
  io: CliIO;
  /** Client for the selected cluster: --server/--token, else --kubeconfig/--context/$KUBECONFIG/~/.kube/config. */
  client(): Promise<ApiClient>;
  /** -n/--namespace if given, else the context's namespace, else "default". */
  namespace(): Promise<string>;
  /** True when -n/--namespace was given explicitly. */
  namespaceExplicit(): boolean;
  now(): Date;
}

/** An error the CLI prints as `error: <message>` with the given exit code (kubectl's checkErr shape). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}
