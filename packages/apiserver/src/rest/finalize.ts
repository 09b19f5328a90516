/**
 * PUT /api/v1/namespaces/{name}/finalize: the only way to change a
 * namespace's spec.finalizers (upstream's FinalizeREST with the namespace
 * finalize strategy). The body replaces the object except its status; once a
 * terminating namespace has neither spec nor metadata finalizers left, the
 * update completes its deletion (upstream's ShouldDeleteNamespaceDuringUpdate).
 * The namespace controller calls it after emptying the namespace.
 */
import type { KindInfo, KObject } from '@mk/api';
import { errors } from '../errors';
import { carryUpdateMeta, deepEqual } from '../admission/object-meta';
import { checkFields } from '../admission/field-validation';
import { validateOrThrow } from '../admission/validate';
import { checkBodyType, typed, type RestRequest, type RestResult } from './request';

const specFinalizers = (obj: KObject): unknown[] => {
  const f = (obj.spec as { finalizers?: unknown } | undefined)?.finalizers;
  return Array.isArray(f) ? f : [];
};

/** PUT on /finalize: replace spec (finalizers) and metadata, keep status; deletes a finished terminating namespace. */
export async function finalizeNamespace(req: RestRequest, body: unknown): Promise<RestResult> {
  const { info, ctx } = req;
  const incoming = structuredClone(body) as KObject;
  checkBodyType(req, incoming);
  req.warnings.push(...checkFields(info, incoming, req.fieldValidation));
  if (incoming.metadata?.name !== req.name) {
    throw errors.badRequest(`the name of the object (${incoming.metadata?.name ?? ''}) does not match the name on the URL (${req.name})`);
  }
  const current = await ctx.resources.get(info, undefined, req.name!);
  const cur = current.obj.metadata!;
  const sentRV = incoming.metadata?.resourceVersion;
  if (sentRV && sentRV !== cur.resourceVersion) throw errors.conflict(info, req.name!);
  const sentUID = incoming.metadata?.uid;
  if (sentUID && sentUID !== cur.uid) {
    throw errors.conflict(info, req.name!, `Precondition failed: UID in precondition: ${sentUID}, UID in object meta: ${cur.uid}`);
  }

  const next = incoming;
  delete next.metadata!.namespace;
  // The finalize strategy keeps the stored status; everything else comes from the request.
  for (const f of info.statusFields) {
    if (current.obj[f] === undefined) delete next[f];
    else next[f] = structuredClone(current.obj[f]);
  }
  carryUpdateMeta(info, next, current.obj);
  info.applyDefaults(next);
  // Go's omitempty: an emptied finalizer list is not stored.
  const spec = next.spec as { finalizers?: unknown[] } | undefined;
  if (spec && Array.isArray(spec.finalizers) && spec.finalizers.length === 0) delete spec.finalizers;
  next.metadata!.resourceVersion = cur.resourceVersion;
  validateOrThrow(info, next, current.obj);

  if (cur.deletionTimestamp && specFinalizers(next).length === 0 && (next.metadata!.finalizers ?? []).length === 0) {
    if (req.dryRun) return { code: 200, body: typed(info, next) };
    const gone = await ctx.resources.remove(info, undefined, req.name!, current.modRevision);
    return { code: 200, body: typed(info, { ...next, metadata: { ...next.metadata, resourceVersion: gone.metadata!.resourceVersion } }) };
  }
  if (deepEqual(next, current.obj)) return { code: 200, body: typed(info, current.obj) };
  if (req.dryRun) return { code: 200, body: typed(info, next) };
  const saved = await ctx.resources.update(info, next, current.modRevision);
  return { code: 200, body: typed(info, saved) };
}
