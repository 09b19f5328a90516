/** `mk run`: create and run a particular image in a pod (kubectl run). */
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { addDryRunFlag, addFieldManagerFlag, addOutputFlag } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, collectArray, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { createRunObjects } from '../run/create-run-objects';
import { planRun } from '../run/plan-run';
import { durationFlag } from '../scale/duration-flag';
import { parseFlags } from '../scale/flag-error';

/** Parsed flags of `mk run`. */
interface RunCommandFlags {
  image?: string;
  env?: string[];
  annotations?: string[];
  labels: string;
  port: string;
  restart: string;
  imagePullPolicy: string;
  command?: boolean;
  privileged?: boolean;
  stdin?: boolean;
  tty?: boolean;
  attach?: boolean;
  leaveStdinOpen?: boolean;
  rm?: boolean;
  expose?: boolean;
  quiet?: boolean;
  overrides: string;
  overrideType: string;
  podRunningTimeout: string;
  dryRun?: string | boolean;
  output?: string;
  fieldManager: string;
  saveConfig?: boolean;
}

const EXAMPLES = `
  # Start a nginx pod
  mk run nginx --image=nginx

  # Start a hazelcast pod and let the container expose port 5701
  mk run hazelcast --image=hazelcast/hazelcast --port=5701

  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  mk run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
  mk run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

  # Dry run; print the corresponding API objects without creating them
  mk run nginx --image=nginx --dry-run=client

  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
  mk run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
  mk run nginx --image=nginx -- <arg1> <arg2> ... <argN>

  # Start the nginx pod using a different command and custom arguments
  mk run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`;

const LONG = `Create and run a particular image in a pod.

 Not yet in mk: attaching to the container (-i/--stdin, -t/--tty, --attach, --rm) needs a container process, and pods have no process runtime in this version of mk, so mk refuses these flags instead of creating the pod.`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'run')
    .usage('NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]')
    .summary('Run a particular image on the cluster')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('--annotations <annotation>', 'Annotations to apply to the pod.', collectArray);
  boolFlag(cmd, '--attach', "If true, wait for the Pod to start running, and then attach to the Pod as if 'mk attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.");
  boolFlag(cmd, '--command', "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.");
  addDryRunFlag(cmd);
  cmd.option('--env <env>', 'Environment variables to set in the container.', collectArray);
  boolFlag(cmd, '--expose', 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.');
  addFieldManagerFlag(cmd, 'kubectl-run');
  cmd.option('--image <image>', 'The image for the container to run.');
  cmd.option('--image-pull-policy <policy>', 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.', '');
  cmd.option('-l, --labels <labels>', 'Comma separated labels to apply to the pod. Will override previous values.', '');
  boolFlag(cmd, '--leave-stdin-open', 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.');
  addOutputFlag(cmd);
  cmd.option('--override-type <type>', 'The method used to override the generated object: json, merge, or strategic.', 'merge');
  cmd.option('--overrides <json>', 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.', '');
  cmd.option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', '1m0s');
  cmd.option('--port <port>', 'The port that this container exposes.', '');
  boolFlag(cmd, '--privileged', 'If true, run the container in privileged mode.');
  boolFlag(cmd, '-q, --quiet', 'If true, suppress prompt messages.');
  cmd.option('--restart <policy>', 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', 'Always');
  boolFlag(cmd, '--rm', "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.");
  boolFlag(cmd, '--save-config', 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform mk apply on this object in the future.');
  boolFlag(cmd, '-i, --stdin', 'Keep stdin open on the container in the pod, even if nothing is attached.');
  boolFlag(cmd, '-t, --tty', 'Allocate a TTY for the container in the pod.');

  cmd.action(async (args: string[], flags: RunCommandFlags) => {
    const podRunningTimeoutMs = parseFlags(ctx.io, cmd, () => durationFlag('pod-running-timeout', flags.podRunningTimeout));
    if (flags.image === undefined) throw new CliError('required flag(s) "image" not set');
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output), true);
    const namespace = await ctx.namespace();
    const plan = planRun({
      args,
      argsLenAtDash: cmd.argsAfterDash < 0 ? -1 : args.length - cmd.argsAfterDash,
      dryRun,
      namespace,
      namespaceExplicit: ctx.namespaceExplicit(),
      flags: {
        image: flags.image,
        env: flags.env ?? [],
        annotations: flags.annotations ?? [],
        labels: flags.labels,
        port: flags.port,
        restart: flags.restart,
        imagePullPolicy: flags.imagePullPolicy,
        command: flags.command ?? false,
        privileged: flags.privileged ?? false,
        stdin: flags.stdin ?? false,
        tty: flags.tty ?? false,
        attach: cmd.getOptionValueSource('attach') === 'cli' ? (flags.attach ?? false) : undefined,
        leaveStdinOpen: flags.leaveStdinOpen ?? false,
        rm: flags.rm ?? false,
        expose: flags.expose ?? false,
        overrides: flags.overrides,
        overrideType: flags.overrideType,
        podRunningTimeoutMs,
      },
    });
    await createRunObjects(
      { client: () => ctx.client(), io: ctx.io, printer },
      { ...plan, namespace, dryRun, fieldManager: flags.fieldManager, saveConfig: flags.saveConfig ?? false },
    );
  });
};
