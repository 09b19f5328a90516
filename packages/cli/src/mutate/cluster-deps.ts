/**
 * The cluster side of resource commands (kubectl's Factory and namespace flags): the client, the
 * I/O and the namespace rules, resolved once from the command context, and the `-f` manifest
 * loading that every file-taking command does with them.
 */
import type { ApiClient, DiscoveredResource } from '@mk/client';
import type { CliContext, CliIO } from '../context';
import { loadManifests, type LoadedManifests } from '../manifests/load';
import type { FilenameOptions } from '../manifests/sources';
import type { ResultPrinter } from './print-result';

/** The cluster a command works against and how its namespace was chosen. */
export interface ClusterDeps {
  client: ApiClient;
  io: CliIO;
  namespace: string;
  /** -n/--namespace was given: objects from files must then agree with it. */
  namespaceExplicit: boolean;
}

/** ClusterDeps for a command that reports each object it changes (`pod/web created`). */
export interface ClusterPrintDeps extends ClusterDeps {
  printer: ResultPrinter;
}

/** Resolves the context's client first, so a missing or broken kubeconfig is the error reported, then its namespace. */
export async function clusterDeps(ctx: CliContext): Promise<ClusterDeps> {
  const client = await ctx.client();
  return { client, io: ctx.io, namespace: await ctx.namespace(), namespaceExplicit: ctx.namespaceExplicit() };
}

/** What differs between commands loading `-f` files. */
export interface LoadFilesOptions {
  /** Check apiVersion and kind before anything is sent (--validate other than ignore). */
  validate?: boolean;
  /** A discovery the command already made, reused instead of asking the server again. */
  resources?: DiscoveredResource[];
}

/** Loads `-f` manifests (stdin for `-`) mapped to the cluster's served types, under the command's namespace rules. */
export function loadManifestFiles(deps: ClusterDeps, files: FilenameOptions, options: LoadFilesOptions = {}): Promise<LoadedManifests> {
  const { resources } = options;
  return loadManifests(
    { filenames: files.filenames, recursive: files.recursive },
    {
      readStdin: () => deps.io.readStdin(),
      discover: (opts) => (resources && !opts?.fresh ? Promise.resolve(resources) : deps.client.discover(opts)),
      namespace: { namespace: deps.namespace, enforce: deps.namespaceExplicit },
      validate: options.validate,
    },
  );
}
