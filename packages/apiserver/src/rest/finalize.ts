/**
 * PUT /api/v1/namespaces/{name}/finalize: the only way to change a
 * namespace's spec.finalizers (upstream's FinalizeREST with the namespace
 * finalize strategy). It is an ordinary update of everything but the status,
 * without the namespace update strategy that keeps spec.finalizers; once a
 * terminating namespace has neither spec nor metadata finalizers left, the
 * update completes its deletion (writeUpdate, as upstream's
 * ShouldDeleteNamespaceDuringUpdate). The namespace controller calls it after
 * emptying the namespace.
 */
import type { KObject } from '@mk/api';
import type { RestRequest, RestResult } from './request';
import { updateObject } from './update';

export async function finalizeNamespace(req: RestRequest, body: unknown): Promise<RestResult> {
  const spec = (body as KObject | undefined)?.spec as { finalizers?: unknown[] } | undefined;
  // Go's omitempty: an emptied finalizer list is not stored.
  if (spec && Array.isArray(spec.finalizers) && spec.finalizers.length === 0) {
    const { finalizers: _gone, ...rest } = spec;
    body = { ...(body as KObject), spec: rest };
  }
  return updateObject(req, body);
}
