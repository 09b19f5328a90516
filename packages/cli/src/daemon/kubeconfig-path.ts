/** `mk kubeconfig`: the path of a cluster's own kubeconfig file. */
import { existsSync } from 'node:fs';
import { CliError, type CliIO } from '../context';
import { resolveClusterRef } from './cluster-ref';
import { nameFlag } from './messages';

/** runKubeconfig prints the kubeconfig path (for `KUBECONFIG=$(mk kubeconfig) kubectl …`); fails if the cluster never started. */
export function runKubeconfig(opts: { name?: string }, io: CliIO, env: Record<string, string | undefined>): void {
  const ref = resolveClusterRef(opts.name, env);
  if (!existsSync(ref.paths.kubeconfig)) {
    throw new CliError(`cluster "${ref.name}" has no kubeconfig yet (${ref.paths.kubeconfig}); start it with "mk up${nameFlag(ref.name)}"`);
  }
  io.out(ref.paths.kubeconfig + '\n');
}
