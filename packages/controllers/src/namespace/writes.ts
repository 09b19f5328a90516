/**
 * The namespace controller's writes to the namespace itself: status (phase
 * and conditions) through /status, and the release of its finalizer token
 * through /finalize — each retried on conflict against the latest object, as
 * upstream's retryOnConflictError, but never across a namespace re-created
 * under the same name.
 */
import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1';
import { isConflict, type ApiClient } from '@mk/client';
import type { Typed } from '../framework/types';
import { ignoreNotFound } from '../framework/writes';
import { finalizersWithout } from './content';

/** A namespace as read from the API. */
export type NamespaceObject = Typed<Namespace>;

/** The finalizer token the namespace controller owns (v1.FinalizerKubernetes). */
export const FINALIZER_KUBERNETES = 'kubernetes';
const CONFLICT_RETRIES = 5;

const nsPath = (client: ApiClient, name: string) => client.path({ group: '', version: 'v1', plural: 'namespaces', name });

/** The live namespace, or undefined when it is gone. */
export function getNamespace(client: ApiClient, name: string): Promise<NamespaceObject | undefined> {
  return ignoreNotFound(client.request<NamespaceObject>('GET', nsPath(client, name)));
}

/**
 * Applies write to the namespace, re-reading it after a conflict. undefined
 * when the namespace is gone; throws when it was replaced by another of the same name.
 */
async function retryOnConflict(client: ApiClient, ns: NamespaceObject, write: (ns: NamespaceObject) => Promise<NamespaceObject>): Promise<NamespaceObject | undefined> {
  let current = ns;
  for (let attempt = 0; ; attempt++) {
    try {
      return await ignoreNotFound(write(current));
    } catch (err) {
      if (!isConflict(err) || attempt >= CONFLICT_RETRIES) throw err;
    }
    const latest = await getNamespace(client, ns.metadata!.name!);
    if (!latest) return undefined;
    if (latest.metadata?.uid !== current.metadata?.uid) throw new Error('namespace uid has changed across retries');
    current = latest;
  }
}

/** updateNamespaceStatusFunc: a namespace being deleted shows phase Terminating. */
export function ensureTerminating(client: ApiClient, ns: NamespaceObject): Promise<NamespaceObject | undefined> {
  return retryOnConflict(client, ns, async (cur) => {
    if (!cur.metadata?.deletionTimestamp || cur.status?.phase === 'Terminating') return cur;
    const next = { ...structuredClone(cur), status: { ...cur.status, phase: 'Terminating' } };
    return client.request<NamespaceObject>('PUT', `${nsPath(client, cur.metadata!.name!)}/status`, { body: next });
  });
}

/** Writes the namespace's conditions (a failure here is not fatal to the pass, as upstream). */
export function writeConditions(client: ApiClient, ns: NamespaceObject, conditions: NamespaceCondition[]): Promise<NamespaceObject> {
  const next = { ...structuredClone(ns), status: { ...ns.status, conditions } };
  return client.request<NamespaceObject>('PUT', `${nsPath(client, ns.metadata!.name!)}/status`, { body: next });
}

/** finalizeNamespace: releases the `kubernetes` token; the API server deletes the namespace when nothing else holds it. */
export function finalizeNamespace(client: ApiClient, ns: NamespaceObject): Promise<NamespaceObject | undefined> {
  return retryOnConflict(client, ns, (cur) => {
    const next = { ...structuredClone(cur), spec: { ...cur.spec, finalizers: finalizersWithout(cur.spec?.finalizers, FINALIZER_KUBERNETES) } };
    return client.request<NamespaceObject>('PUT', `${nsPath(client, cur.metadata!.name!)}/finalize`, { body: next });
  });
}

/** finalized: no spec finalizer is left. */
export function isFinalized(ns: Readonly<NamespaceObject>): boolean {
  return (ns.spec?.finalizers ?? []).length === 0;
}
