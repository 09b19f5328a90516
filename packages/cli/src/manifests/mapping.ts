/**
 * Maps decoded manifest objects onto served resource types and settles their namespace, the way
 * kubectl's RESTMapper and the builder's namespace visitors do, including their error messages.
 */
import type { KObject } from '@mk/api';
import type { DiscoveredResource } from '@mk/client';
import type { ManifestDoc } from './decode';
import { removedApiHint } from './removed-apis';

/** A manifest object ready to send: its served type, name and effective namespace ('' when cluster-scoped). */
export interface ManifestInfo {
  object: KObject;
  source: string;
  resource: DiscoveredResource;
  name: string;
  namespace: string;
}

/** The namespace a manifest without one lands in, and whether -n was given (then a different one is an error). */
export interface NamespaceDefault {
  namespace: string;
  enforce: boolean;
}

/** Splits an apiVersion into group and version ("v1" is the core group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Finds the served resource for a manifest's apiVersion and kind, or returns kubectl's mapping error (plus mk's hint). */
export function mapManifest(doc: ManifestDoc, resources: DiscoveredResource[]): DiscoveredResource | Error {
  const apiVersion = typeof doc.object.apiVersion === 'string' ? doc.object.apiVersion : '';
  const kind = doc.object.kind as string;
  const { group, version } = splitApiVersion(apiVersion);
  const found = resources.find((r) => r.group === group && r.kind === kind && (version === '' || r.version === version));
  if (found) return found;
  const where = version === '' ? `in group ${JSON.stringify(group)}` : `in version ${JSON.stringify(apiVersion)}`;
  const meta = doc.object.metadata ?? {};
  const lines = [
    `resource mapping not found for name: ${JSON.stringify(meta.name ?? '')} namespace: ${JSON.stringify(meta.namespace ?? '')} ` +
      `from ${JSON.stringify(doc.source)}: no matches for kind ${JSON.stringify(kind)} ${where}`,
    'ensure CRDs are installed first',
  ];
  const hint = removedApiHint(apiVersion, kind);
  if (hint) lines.push(hint);
  return new Error(lines.join('\n'));
}

/**
 * Fixes the object's namespace: cluster-scoped objects lose theirs; namespaced ones keep their own
 * or get the default; with -n given, a different namespace in the file is kubectl's error.
 */
export function settleNamespace(doc: ManifestDoc, resource: DiscoveredResource, ns: NamespaceDefault): ManifestInfo | Error {
  const object: KObject = { ...doc.object, metadata: { ...(doc.object.metadata ?? {}) } };
  const meta = object.metadata!;
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!resource.namespaced) {
    delete meta.namespace;
    return { object, source: doc.source, resource, name, namespace: '' };
  }
  const own = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (own !== '' && ns.enforce && own !== ns.namespace) {
    return new Error(
      `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(ns.namespace)}. ` +
        `You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  const namespace = own || ns.namespace;
  meta.namespace = namespace;
  return { object, source: doc.source, resource, name, namespace };
}
