/** `mk status`: is the cluster running, where, since when. */
import { CliError, type CliIO } from '../context';
import { resolveClusterRef } from './cluster-ref';
import { statusMessage } from './messages';
import { probeCluster } from './probe';

/** runStatus prints the cluster's state; a cluster that is not running exits 1 (for scripts: `mk status || mk up`). */
export async function runStatus(opts: { name?: string }, io: CliIO, env: Record<string, string | undefined>, now: Date): Promise<void> {
  const ref = resolveClusterRef(opts.name, env);
  const state = await probeCluster(ref.paths);
  io.out(statusMessage(ref.name, state, ref.paths.dir, ref.paths.kubeconfig, now));
  if (state.kind !== 'running') throw new NotRunning();
}

/** Exit code 1 without a message: the status text already said it. */
class NotRunning extends CliError {
  constructor() {
    super('');
  }
}
