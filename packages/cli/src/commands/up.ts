/** `mk up`: start a local multi-node cluster in the background and point kubectl at it. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';
import { addTimingFlags, timingsFromFlags } from '../nodes/timing-flags';

const EXAMPLES = `
  # Start the cluster "mk" (or resume it from its saved state) and make "mk-mk" the current kubectl context
  mk up

  # A cluster of one control plane and four workers, where node failures play out in seconds
  mk up --nodes 5 --profile demo

  # Evict the pods of a failed node 5 seconds after it is noticed (Kubernetes waits 300)
  mk up --profile demo --default-toleration-seconds 5

  # Start a second cluster on a fixed port, without touching ~/.kube/config
  mk up --name dev --port 6443 --no-merge
  KUBECONFIG=$(mk kubeconfig --name dev) kubectl get pods`;

interface UpFlags {
  name: string;
  port?: string;
  merge: boolean;
  wait: string;
  nodes?: string;
  runtime?: string;
  profile?: string;
  [timing: string]: unknown;
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('up')
    .summary('Start a local cluster (or resume it) in the background')
    .description(
      'Start the cluster in the background and wait until its API server is ready and all its nodes are Ready. ' +
        'A new cluster has one control-plane node (mk-control-plane, tainted so workloads go elsewhere) and workers (mk-worker, mk-worker2, …), like a kind cluster. ' +
        'Its state lives in $MK_HOME/<name> (default ~/.mk/mk), so a cluster stopped with "mk down" resumes where it was, with the same nodes (added ones included), runtime, profile and timings. ' +
        'Every node-failure timing is a flag; the demo profile shortens them so a failed node is noticed in about 8 seconds and its pods evicted 15 seconds later. ' +
        'Unless --no-merge is given, the context mk-<name> is merged into the kubeconfig kubectl uses ' +
        '(--kubeconfig, else the first file of $KUBECONFIG, else ~/.kube/config) and made current; other contexts are left alone. ' +
        'Running it again while the cluster runs does nothing but report it.',
    )
    .option('--name <name>', 'Cluster name', 'mk')
    .option('--port <port>', 'API server port on 127.0.0.1 (default: the port of the last run, else a free one)')
    .option('--no-merge', 'Do not add the cluster to your kubeconfig')
    .option('--wait <duration>', 'How long to wait for the API server and the nodes to become ready', '60s')
    .option('--nodes <count>', 'Number of nodes of a new cluster: one control plane plus workers (default 3; 0 for an API server without nodes, where pods stay Pending); a resumed cluster keeps its nodes')
    .option('--runtime <runtime>', 'Container runtime of the nodes: sim (simulated containers, no processes; default)')
    .option('--profile <profile>', 'Timing profile: default (Kubernetes\' timings) or demo (node failures handled within seconds); kept for resumed clusters');
  addTimingFlags(cmd);
  cmd.addHelpText('after', examples(EXAMPLES)).action(async (flags: UpFlags) => {
    const { parseClusterFlags } = await import('../nodes/cluster-request');
    const { runUpCluster } = await import('../nodes/up-cluster');
    const cluster = parseClusterFlags(flags, timingsFromFlags(flags));
    await runUpCluster(
      { name: flags.name, port: flags.port, merge: flags.merge, wait: flags.wait, cluster, kubeconfig: program.opts<{ kubeconfig?: string }>().kubeconfig },
      ctx.io,
      process.env,
    );
  });
};
