/**
 * `create namespace|configmap|secret generic|deployment|job|cronjob`: kubectl's generator subcommands. Each
 * builds the typed object locally (see generators/objects.ts), POSTs it as JSON and prints
 * `namespace/dev created`, with kubectl's flags and error wording.
 */
import type { Command } from 'commander';
import type { KObject } from '@mk/api';
import type { DiscoveredResource } from '@mk/client';
import { CliError, type CliContext } from '../context';
import { addCreateFlags, createPlan, type CreateFlags } from './create-flags';
import { createBody, createObject } from './create-objects';
import { parseDryRun, withDryRunSuffix } from './dry-run';
import { collectData, type DataSources } from './generators/data-sources';
import { clusterDeps } from './cluster-deps';
import { configMapObject, cronJobObject, cronJobToInstantiate, deploymentObject, jobFromCronJob, jobObject, jobSourceError, namespaceObject, secretObject } from './generators/objects';
import { selectTargets } from './select-targets';
import { collectArray, collectList, commandPath, effectiveOpts, examples, subcommand, type KubectlCommand } from './kubectl-command';
import { ResultPrinter, parseResultFormat } from './print-result';

const served = (group: string, version: string, kind: string, plural: string, namespaced: boolean): DiscoveredResource => ({
  group,
  version,
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  shortNames: [],
  categories: [],
  verbs: [],
  subresources: [],
});

const NAMESPACES = served('', 'v1', 'Namespace', 'namespaces', false);
const CONFIGMAPS = served('', 'v1', 'ConfigMap', 'configmaps', true);
const SECRETS = served('', 'v1', 'Secret', 'secrets', true);
const DEPLOYMENTS = served('apps', 'v1', 'Deployment', 'deployments', true);
const JOBS = served('batch', 'v1', 'Job', 'jobs', true);
const CRONJOBS = served('batch', 'v1', 'CronJob', 'cronjobs', true);

function generator(parent: Command, name: string, usage: string, summary: string, example: string): KubectlCommand {
  const cmd = subcommand(parent, name).usage(usage).summary(summary).description(`${summary}.`).addHelpText('after', examples(example));
  addCreateFlags(cmd);
  return cmd;
}

/** cobra's NameFromCommandArgs: exactly one NAME before any `--`. */
function nameFromArgs(cmd: KubectlCommand, args: string[]): string {
  const count = cmd.argsAfterDash >= 0 ? args.length - cmd.argsAfterDash : args.length;
  if (count !== 1) throw new CliError(`exactly one NAME is required, got ${count}\nSee '${commandPath(cmd)} -h' for help and examples`);
  return args[0]!;
}


/** Sends a generated object and prints it; `wrap` words server errors as each kubectl generator does. */
async function sendGenerated(ctx: CliContext, resource: DiscoveredResource, object: KObject, flags: CreateFlags, wrap: (message: string) => string | undefined): Promise<void> {
  const warn = (m: string): void => ctx.io.err(`${m}\n`);
  const dryRun = parseDryRun(flags.dryRun, warn);
  const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output), true);
  const plan = createPlan(flags, dryRun);
  let created = createBody(object, plan.saveConfig);
  if (dryRun !== 'client') {
    try {
      created = await createObject(await ctx.client(), resource, await ctx.namespace(), object, plan);
    } catch (err) {
      const wrapped = wrap((err as Error).message);
      throw wrapped === undefined ? err : new Error(wrapped);
    }
  }
  printer.print(created, resource, created.metadata?.name ?? '', withDryRunSuffix('created', dryRun));
}

/** Registers the generator subcommands on `create`. */
export function registerCreateGenerators(create: Command, ctx: CliContext, env: Record<string, string | undefined>): void {
  const ns = generator(create, 'namespace', 'NAME [--dry-run=server|client|none] [options]', 'Create a namespace with the specified name', `
    # Create a new namespace named my-namespace
    mk create namespace my-namespace`).alias('ns').argument('[name...]');
  ns.action(async (args: string[]) => {
    const flags = effectiveOpts<CreateFlags>(ns);
    const name = nameFromArgs(ns, args);
    await sendGenerated(ctx, NAMESPACES, namespaceObject(name), flags, () => undefined);
  });

  const dataFlags = (cmd: KubectlCommand, noun: string): void => {
    cmd.option('--from-file <source>', `Key file can be specified using its file path, in which case file basename will be used as ${noun} key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid ${noun} key.`, collectList);
    cmd.option('--from-literal <pair>', `Specify a key and literal value to insert in ${noun} (i.e. mykey=somevalue)`, collectArray);
    cmd.option('--from-env-file <file>', `Specify the path to a file to read lines of key=val pairs to create a ${noun}.`, collectList);
  };
  const sources = (flags: { fromFile?: string[]; fromLiteral?: string[]; fromEnvFile?: string[] }): DataSources => {
    if (flags.fromEnvFile?.length && (flags.fromFile?.length || flags.fromLiteral?.length)) {
      throw new CliError('from-env-file cannot be combined with from-file or from-literal');
    }
    return { fromFile: flags.fromFile ?? [], fromLiteral: flags.fromLiteral ?? [], fromEnvFile: flags.fromEnvFile ?? [] };
  };
  const namespaceFor = async (): Promise<string | undefined> => (ctx.namespaceExplicit() ? ctx.namespace() : undefined);

  const cm = generator(create, 'configmap', 'NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]', 'Create a config map from a local file, directory or literal value', `
    # Create a new config map named my-config based on folder bar
    mk create configmap my-config --from-file=path/to/bar

    # Create a new config map named my-config with specified keys instead of file basenames on disk
    mk create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

    # Create a new config map named my-config with key1=config1 and key2=config2
    mk create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

    # Create a new config map named my-config from an env file
    mk create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`).alias('cm').argument('[name...]');
  dataFlags(cm, 'configmap');
  cm.action(async (args: string[]) => {
    const flags = effectiveOpts<CreateFlags & { fromFile?: string[]; fromLiteral?: string[]; fromEnvFile?: string[] }>(cm);
    const name = nameFromArgs(cm, args);
    const data = await collectData(sources(flags), { kind: 'ConfigMap', name }, env);
    await sendGenerated(ctx, CONFIGMAPS, configMapObject(name, await namespaceFor(), data), flags, (m) => `failed to create configmap: ${m}`);
  });

  const secret = subcommand(create, 'secret').usage('(docker-registry | generic | tls) [options]').summary('Create a secret using a specified subcommand').description('Create a secret with specified type.');
  const generic = generator(secret, 'generic', 'NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]', 'Create a secret from a local file, directory, or literal value', `
    # Create a new secret named my-secret with keys for each file in folder bar
    mk create secret generic my-secret --from-file=path/to/bar

    # Create a new secret named my-secret with key1=supersecret and key2=topsecret
    mk create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

    # Create a new secret named my-secret from env files
    mk create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`).argument('[name...]');
  dataFlags(generic, 'secret');
  generic.option('--type <type>', 'The type of secret to create');
  generic.action(async (args: string[]) => {
    const flags = effectiveOpts<CreateFlags & { fromFile?: string[]; fromLiteral?: string[]; fromEnvFile?: string[]; type?: string }>(generic);
    const name = nameFromArgs(generic, args);
    const data = await collectData(sources(flags), { kind: 'Secret' }, env);
    await sendGenerated(ctx, SECRETS, secretObject(name, await namespaceFor(), data, flags.type ?? ''), flags, (m) => `failed to create secret ${m}`);
  });

  const deploy = generator(create, 'deployment', 'NAME --image=image -- [COMMAND] [args...] [options]', 'Create a deployment with the specified name', `
    # Create a deployment named my-dep that runs the busybox image
    mk create deployment my-dep --image=busybox

    # Create a deployment with a command
    mk create deployment my-dep --image=busybox -- date

    # Create a deployment named my-dep that runs the nginx image with 3 replicas
    mk create deployment my-dep --image=nginx --replicas=3

    # Create a deployment named my-dep that runs the busybox image and expose port 5701
    mk create deployment my-dep --image=busybox --port=5701`).alias('deploy').argument('[args...]');
  deploy.option('--image <image>', 'Image names to run. A deployment can have multiple images set for multi-container pod.', collectList);
  deploy.option('--port <port>', 'The containerPort that this deployment exposes.', '-1');
  deploy.option('-r, --replicas <count>', 'Number of replicas to create. Default is 1.', '1');
  deploy.action(async (args: string[]) => {
    const flags = effectiveOpts<CreateFlags & { image?: string[]; port: string; replicas: string }>(deploy);
    if (!flags.image?.length) throw new CliError('required flag(s) "image" not set');
    const name = nameFromArgs(deploy, args);
    const command = args.slice(1);
    if (flags.image.length > 1 && command.length > 0) throw new CliError('cannot specify multiple --image options and command');
    const object = deploymentObject({
      name,
      namespace: await namespaceFor(),
      images: flags.image,
      port: integerFlag('port', flags.port),
      replicas: integerFlag('replicas', flags.replicas),
      command,
    });
    await sendGenerated(ctx, DEPLOYMENTS, object, flags, (m) => `failed to create deployment: ${m}`);
  });

  const job = generator(create, 'job', 'NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]', 'Create a job with the specified name', `
    # Create a job
    mk create job my-job --image=busybox

    # Create a job with a command
    mk create job my-job --image=busybox -- date

    # Create a job from a cron job named "a-cronjob"
    mk create job test-job --from=cronjob/a-cronjob`).argument('[args...]');
  job.option('--image <image>', 'Image name to run.');
  job.option('--from <resource>', 'The name of the resource to create a Job from (only cronjob is supported).');
  job.action(async (args: string[]) => {
    const flags = effectiveOpts<CreateFlags & { image?: string; from?: string }>(job);
    const name = nameFromArgs(job, args);
    const command = args.slice(1);
    const invalid = jobSourceError(flags.image ?? '', flags.from ?? '', command);
    if (invalid) throw new CliError(invalid);
    let object;
    if (flags.image) {
      object = jobObject({ name, namespace: await namespaceFor(), image: flags.image, command });
    } else {
      // kubectl's builder: `cronjob/NAME` (any name for the type), read from the server in the command's namespace.
      const selection = await selectTargets(await clusterDeps(ctx), { args: [flags.from!], filenames: [], recursive: false, all: false, allNamespaces: false, fetch: true });
      if (selection.errors.length > 0) throw selection.errors[0];
      object = jobFromCronJob(name, await namespaceFor(), cronJobToInstantiate(selection.targets));
    }
    await sendGenerated(ctx, JOBS, object, flags, (m) => `failed to create job: ${m}`);
  });

  const cronJob = generator(create, 'cronjob', "NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [options]", 'Create a cron job with the specified name', `
    # Create a cron job
    mk create cronjob my-job --image=busybox --schedule="*/1 * * * *"

    # Create a cron job with a command
    mk create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`).alias('cj').argument('[args...]');
  cronJob.option('--image <image>', 'Image name to run.');
  cronJob.option('--schedule <schedule>', 'A schedule in the Cron format the job should be run with.');
  cronJob.option('--restart <policy>', "job's restart policy. supported values: OnFailure, Never");
  cronJob.action(async (args: string[]) => {
    const flags = effectiveOpts<CreateFlags & { image?: string; schedule?: string; restart?: string }>(cronJob);
    const missing = (['image', 'schedule'] as const).filter((f) => flags[f] === undefined).map((f) => JSON.stringify(f));
    if (missing.length > 0) throw new CliError(`required flag(s) ${missing.join(', ')} not set`);
    const name = nameFromArgs(cronJob, args);
    const object = cronJobObject({ name, namespace: await namespaceFor(), image: flags.image!, schedule: flags.schedule!, restart: flags.restart || 'OnFailure', command: args.slice(1) });
    await sendGenerated(ctx, CRONJOBS, object, flags, (m) => `failed to create cronjob: ${m}`);
  });
}

function integerFlag(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CliError(`invalid argument "${value}" for "--${name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  return n;
}
