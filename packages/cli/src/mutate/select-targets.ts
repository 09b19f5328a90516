/**
 * Turns a command's resource arguments into targets, following kubectl's resource builder
 * (cli-runtime pkg/resource/builder.go) with ContinueOnError: `-f` files, or `TYPE NAME…`,
 * `TYPE/NAME…`, `TYPE1,TYPE2 NAME` (a tuple per type and name), or types with `-l`,
 * `--field-selector` or `--all` (listed from the server).
 */
import type { KObject } from '@mk/api';
import type { DiscoveredResource } from '@mk/client';
import { CliError } from '../context';
import { loadManifestFiles, type ClusterDeps } from './cluster-deps';
import { discoverForArgs, findResource, parseResourceArgs, resolveTypes } from '../util/resolve';
import { targetPath, type Target } from './targets';

/** What the command line selected. */
export interface TargetSpec {
  args: string[];
  filenames: string[];
  recursive: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  all: boolean;
  allNamespaces: boolean;
  /** GET each named object (kubectl's Latest/RequireObject); delete does not need them. */
  fetch: boolean;
  /** A bare type selects all its objects (kubectl's allowEmptySelector, used by get and edit). */
  allowEmptySelector?: boolean;
}

/** The selected targets, per-object errors, and whether one object was implied (kubectl's singleItemImplied). */
export interface Selection {
  targets: Target[];
  errors: unknown[];
  singleItemImplied: boolean;
}

/** kubectl's message when nothing at all was selected. */
export const MISSING_RESOURCE_MESSAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** Resolves the spec into targets; argument misuse throws CliError before anything is sent. */
export async function selectTargets(deps: ClusterDeps, spec: TargetSpec): Promise<Selection> {
  if (spec.filenames.length > 0) {
    if (spec.args.length > 0) throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
    return fromFiles(deps, spec);
  }
  const parsed = parseResourceArgs(spec.args);
  const bareType = !!spec.allowEmptySelector && parsed.types.length > 0 && parsed.names.length === 0;
  const resources = await discoverForArgs(deps.client, spec.args);
  // The builder's order: a selector first, then TYPE/NAME tuples, then TYPE NAME…, then bare types.
  if (spec.all || !!spec.labelSelector || !!spec.fieldSelector || bareType) {
    if (parsed.names.length > 0) throw new CliError('name cannot be provided when a selector is specified');
    if (parsed.tuples.length > 0) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (parsed.types.length === 0) throw new CliError('at least one resource must be specified to use a selector');
    return bySelector(deps, spec, resolveTypes(resources, parsed.types));
  }
  if (parsed.tuples.length > 0) {
    const pairs = parsed.tuples.map((t) => ({ resource: findResource(resources, t.type), name: t.name }));
    return byName(deps, spec, pairs, pairs.length === 1);
  }
  if (parsed.names.length > 0) {
    const types = resolveTypes(resources, parsed.types);
    const pairs = types.flatMap((resource) => parsed.names.map((name) => ({ resource, name })));
    return byName(deps, spec, pairs, pairs.length === 1);
  }
  if (parsed.types.length > 0) {
    resolveTypes(resources, parsed.types);
    throw new CliError('resource(s) were provided, but no name was specified');
  }
  throw new CliError(MISSING_RESOURCE_MESSAGE);
}

function namespaceFor(resource: DiscoveredResource, deps: ClusterDeps): string {
  return resource.namespaced ? deps.namespace : '';
}

async function byName(deps: ClusterDeps, spec: TargetSpec, pairs: { resource: DiscoveredResource; name: string }[], singleItemImplied: boolean): Promise<Selection> {
  if (spec.allNamespaces) throw new CliError('a resource cannot be retrieved by name across all namespaces');
  const selection: Selection = { targets: [], errors: [], singleItemImplied };
  for (const { resource, name } of pairs) {
    const target: Target = { resource, namespace: namespaceFor(resource, deps), name };
    if (!spec.fetch) {
      selection.targets.push(target);
      continue;
    }
    try {
      target.object = await deps.client.request<KObject>('GET', targetPath(deps.client, target));
      selection.targets.push(target);
    } catch (err) {
      selection.errors.push(err);
    }
  }
  return selection;
}

async function bySelector(deps: ClusterDeps, spec: TargetSpec, resources: DiscoveredResource[]): Promise<Selection> {
  const selection: Selection = { targets: [], errors: [], singleItemImplied: false };
  for (const resource of resources) {
    const namespace = spec.allNamespaces ? undefined : namespaceFor(resource, deps) || undefined;
    const path = deps.client.path({ group: resource.group, version: resource.version, plural: resource.plural, namespace });
    try {
      let continueToken: string | undefined;
      do {
        const list = await deps.client.request<{ metadata?: { continue?: string }; items?: KObject[] }>('GET', path, {
          query: { labelSelector: spec.labelSelector || undefined, fieldSelector: spec.fieldSelector || undefined, limit: 500, continue: continueToken },
        });
        for (const item of list?.items ?? []) {
          const meta = item.metadata ?? {};
          selection.targets.push({
            resource,
            namespace: resource.namespaced ? (meta.namespace ?? deps.namespace) : '',
            name: meta.name ?? '',
            object: { apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version, kind: resource.kind, ...item },
          });
        }
        continueToken = list?.metadata?.continue || undefined;
      } while (continueToken);
    } catch (err) {
      selection.errors.push(err);
    }
  }
  return selection;
}

async function fromFiles(deps: ClusterDeps, spec: TargetSpec): Promise<Selection> {
  const loaded = await loadManifestFiles(deps, spec);
  const selection: Selection = { targets: [], errors: [...loaded.errors], singleItemImplied: loaded.infos.length === 1 };
  for (const info of loaded.infos) {
    const target: Target = { resource: info.resource, namespace: info.namespace, name: info.name, source: info.source, object: info.object };
    if (spec.fetch) {
      try {
        target.object = await deps.client.request<KObject>('GET', targetPath(deps.client, target));
      } catch (err) {
        selection.errors.push(err);
        continue;
      }
    }
    selection.targets.push(target);
  }
  return selection;
}
