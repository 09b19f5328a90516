/**
 * What `kubectl run` decides before it sends anything (RunOptions.Run up to the create): kubectl's
 * checks in kubectl's order, then the generated Pod (and Service for --expose) with --overrides
 * applied. Interactive runs are refused here, because mk cannot attach to a container yet.
 */
import type { KObject } from '@mk/api';
import { CliError } from '../context';
import type { DryRunStrategy } from '../mutate/dry-run';
import { isValidImageReference } from './image-reference';
import { applyOverrides } from './overrides';
import { runPodObject } from './pod-object';
import { parseRunAnnotations, parseRunEnv, parseRunLabels, parseRunPort } from './run-params';
import { runServiceObject } from './service-object';

/** The flag values `run` reads. */
export interface RunFlags {
  image: string;
  env: string[];
  annotations: string[];
  labels: string;
  port: string;
  restart: string;
  imagePullPolicy: string;
  command: boolean;
  privileged: boolean;
  stdin: boolean;
  tty: boolean;
  /** --attach as given; undefined when not given (then -i decides). */
  attach?: boolean;
  leaveStdinOpen: boolean;
  rm: boolean;
  expose: boolean;
  overrides: string;
  overrideType: string;
  podRunningTimeoutMs: number;
}

/** The command line around the flags. */
export interface RunInput {
  args: string[];
  /** cobra's ArgsLenAtDash: how many arguments came before `--`, -1 without `--`. */
  argsLenAtDash: number;
  flags: RunFlags;
  dryRun: DryRunStrategy;
  namespace: string;
  /** -n was given: a client dry run then shows the namespace in the object. */
  namespaceExplicit: boolean;
}

/** The objects to create. */
export interface RunPlan {
  pod: KObject;
  service?: KObject;
}

/** What mk says instead of attaching. */
export const ATTACH_UNSUPPORTED =
  'mk run cannot attach to a container yet (--attach, -i/--stdin, -t/--tty, --rm): attaching needs a container process, and pods have no process runtime in this version of mk. ' +
  'Run the pod without these flags (or with --attach=false) and follow it with "mk get pod" or "mk wait".';

function usage(message: string): CliError {
  return new CliError(`${message}\nSee 'mk run -h' for help and examples`);
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['', 'Always', 'IfNotPresent', 'Never'];

/** Checks the command line and builds the objects; throws kubectl's errors. */
export function planRun(input: RunInput): RunPlan {
  const { args, flags } = input;
  if (args.length === 0 || input.argsLenAtDash === 0) throw usage('NAME is required for run');
  if (flags.podRunningTimeoutMs <= 0) throw usage('--pod-running-timeout must be higher than zero');
  if (flags.image === '') throw new CliError('--image is required');
  if (!isValidImageReference(flags.image)) throw new CliError(`Invalid image name ${JSON.stringify(flags.image)}: invalid reference format`);
  if (flags.tty && !flags.stdin) throw usage('-i/--stdin is required for containers with -t/--tty=true');
  if (flags.expose && flags.port === '') throw usage('--port must be set when exposing a service');
  if (flags.restart !== '' && !RESTART_POLICIES.includes(flags.restart)) throw usage(`invalid restart policy: ${flags.restart}`);
  const attach = flags.attach ?? flags.stdin;
  if (!attach && flags.rm) throw usage('--rm should only be used for attached containers');
  if (attach && input.dryRun !== 'none') throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (!PULL_POLICIES.includes(flags.imagePullPolicy)) throw usage(`invalid image pull policy: ${flags.imagePullPolicy}`);

  const name = args[0]!;
  const generated = generate(() => {
    const env = parseRunEnv(flags.env);
    const annotations = parseRunAnnotations(flags.annotations);
    const labels = flags.labels === '' ? { run: name } : parseRunLabels(flags.labels);
    const port = flags.port === '' ? undefined : parseRunPort(flags.port);
    return { env, annotations, labels, port };
  });
  const namespace = input.dryRun === 'client' && input.namespaceExplicit ? input.namespace : undefined;
  const pod = runPodObject({
    name,
    namespace,
    image: flags.image,
    labels: generated.labels,
    annotations: generated.annotations,
    env: generated.env,
    args: args.slice(1),
    command: flags.command,
    port: generated.port,
    restart: flags.restart,
    imagePullPolicy: flags.imagePullPolicy,
    privileged: flags.privileged,
    stdin: flags.stdin,
    leaveStdinOpen: flags.leaveStdinOpen,
    tty: flags.tty,
  });
  const overridden = generate(() => applyOverrides(pod, flags.overrides, flags.overrideType));
  if (attach) throw new CliError(ATTACH_UNSUPPORTED);
  const service = flags.expose
    ? runServiceObject({ name, namespace, port: generated.port!, labels: flags.labels === '' ? undefined : generated.labels })
    : undefined;
  return { pod: overridden, service };
}

/** Generator errors are plain errors (`error: invalid env: …`), not usage errors. */
function generate<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}
