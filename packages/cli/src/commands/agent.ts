/** `mk agent`: run one node agent in the foreground, joining a cluster over HTTPS like a kubelet. */
import { readFileSync } from 'node:fs';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { boolFlag, collectList, examples } from '../mutate/kubectl-command';
import { parseLabelsFlag, parseTaintsFlag } from '../nodes/add-flags';
import { loadComponentRunners } from '../nodes/component-runners';
import { waitForStopSignal } from '../nodes/stop-signal';
import { addTimingFlags, componentTimings } from '../nodes/timing-flags';

const EXAMPLES = `
  # Join the local cluster "mk" as the node edge-1 (the token and CA are in its state folder)
  mk agent --server https://127.0.0.1:6443 --token "$(cat ~/.mk/mk/token)" --ca-file ~/.mk/mk/ca.crt --name edge-1

  # Join with a label, a taint and 2 CPUs, with the heartbeats of the demo profile
  mk agent --server https://127.0.0.1:6443 --token "$TOKEN" --ca-file ca.crt --name edge-2 \\
    --labels zone=edge --taints edge=true:NoSchedule --cpu 2 --profile demo`;

interface AgentFlags {
  name?: string;
  caFile?: string;
  insecureSkipTlsVerify?: boolean;
  labels?: string[];
  taints?: string[];
  cpu?: string;
  memory?: string;
  pods?: string;
  runtime?: string;
  profile?: string;
  [timing: string]: unknown;
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('agent')
    .summary('Run a node agent in the foreground, joining a cluster')
    .description(
      'Run one node agent (a kubelet) in this process: it registers the node NAME with the API server at --server, ' +
        'renews its Lease, reports its status and runs the pods the scheduler binds to it (with simulated containers), until Ctrl-C or SIGTERM. ' +
        'It talks to the API server only through the API, over HTTPS with the bearer token, verifying the server against --ca-file. ' +
        'Its timings follow --profile and the node timing flags; use the cluster\'s, so that its heartbeats come often enough for the cluster\'s --node-monitor-grace-period.',
    )
    .usage('--server URL --token TOKEN --name NAME [--ca-file FILE | --insecure-skip-tls-verify] [flags]')
    .option('--name <name>', 'Name of the node to register')
    .option('--ca-file <file>', "PEM file of the CA that signs the API server's certificate (a cluster's is $MK_HOME/<name>/ca.crt)")
    .option('--labels <key=value,...>', 'Labels the node registers with', collectList)
    .option('--taints <key=value:Effect,...>', 'Taints the node registers with', collectList)
    .option('--cpu <cores>', 'CPU capacity (default 4)')
    .option('--memory <quantity>', 'Memory capacity (default 8Gi)')
    .option('--pods <count>', 'Maximum number of pods (default 110)')
    .option('--runtime <runtime>', 'Container runtime: sim (simulated containers; the only one for now)', 'sim')
    .option('--profile <profile>', "Timing profile: default (Kubernetes' timings) or demo");
  boolFlag(cmd, '--insecure-skip-tls-verify', "Do not verify the API server's certificate (insecure; prefer --ca-file)");
  addTimingFlags(cmd, ['node']);
  cmd.addHelpText('after', examples(EXAMPLES)).action(async (flags: AgentFlags) => {
    const globals = program.opts<{ server?: string; token?: string }>();
    if (!globals.server) throw new CliError('--server is required: the URL of the API server to join (for a local cluster, see "mk status")');
    if (!globals.token) throw new CliError('--token is required: the bearer token of the cluster (for a local cluster, $MK_HOME/<name>/token)');
    if (!flags.name) throw new CliError('--name is required: the name of the node to register');
    if (flags.runtime !== 'sim') throw new CliError(`unknown runtime ${JSON.stringify(flags.runtime)}: use sim`);
    if (flags.caFile && flags.insecureSkipTlsVerify) throw new CliError('specifying a root certificates file with the insecure flag is not allowed');
    let caData: string | undefined;
    if (flags.caFile) {
      try {
        caData = readFileSync(flags.caFile, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read --ca-file ${flags.caFile}: ${(err as Error).message}`);
      }
    }
    const timings = componentTimings(flags.profile, flags);
    const capacity = { cpu: flags.cpu, memory: flags.memory, pods: flags.pods };
    const runners = await loadComponentRunners();
    const agent = await runners.runAgentProcess({
      server: globals.server,
      token: globals.token,
      caData,
      insecureSkipTLSVerify: !!flags.insecureSkipTlsVerify,
      name: flags.name,
      capacity,
      labels: flags.labels ? parseLabelsFlag(flags.labels) : undefined,
      taints: flags.taints ? parseTaintsFlag(flags.taints) : undefined,
      timings,
      log: (m) => ctx.io.err(`${m}\n`),
    });
    ctx.io.out(`node/${agent.name} joined ${globals.server} (Ctrl-C to stop)\n`);
    await waitForStopSignal();
    await agent.stop();
    ctx.io.out(`node/${agent.name} agent stopped\n`);
  });
};
