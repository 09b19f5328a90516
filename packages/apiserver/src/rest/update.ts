/**
 * The update path shared by PUT and PATCH: carry system metadata, keep the
 * other half of the object (status on the main resource, everything but status
 * on /status), bump generation on spec changes, default, validate, and write
 * with compare-and-swap. Removing the last finalizer of an object being
 * deleted completes its deletion.
 */
import type { KObject } from '@mk/api';
import { errors } from '../errors';
import { carryUpdateMeta, deepEqual, specChanged } from '../admission/object-meta';
import { checkFields } from '../admission/field-validation';
import { allocateServiceAddresses, serialized } from '../admission/service-addresses';
import { validateOrThrow } from '../admission/validate';
import type { Stored } from '../storage/resource-store';
import { checkBodyType, reconcileNamespace, typed, type RestRequest, type RestResult } from './request';

/** Merges what the client sent with what is stored, per subresource. */
function mergeForSubresource(req: RestRequest, incoming: KObject, current: KObject): KObject {
  const { info } = req;
  if (req.subresource === 'status') {
    const next = structuredClone(current);
    for (const f of info.statusFields) {
      if (incoming[f] === undefined) delete next[f];
      else next[f] = incoming[f];
    }
    // Upstream's status strategies keep spec and metadata from the stored object.
    next.metadata = { ...current.metadata, resourceVersion: incoming.metadata?.resourceVersion };
    return next;
  }
  const next = structuredClone(incoming);
  for (const f of info.statusFields) {
    if (current[f] === undefined) delete next[f];
    else next[f] = structuredClone(current[f]);
  }
  return next;
}

/**
 * Writes `incoming` over `current`. The compare-and-swap uses the stored
 * revision; a resourceVersion in the body must match it (409 otherwise).
 */
export async function writeUpdate(req: RestRequest, current: Stored, incoming: KObject): Promise<RestResult> {
  const { info, ctx } = req;
  const name = current.obj.metadata!.name!;
  const sentRV = incoming.metadata?.resourceVersion;
  if (sentRV && sentRV !== current.obj.metadata!.resourceVersion) throw errors.conflict(info, name);
  // A uid in the body is a precondition (upstream's Store.Update): controllers patch with the uid they saw
  // so that a same-named successor of the object is never adopted or released by mistake.
  const sentUID = incoming.metadata?.uid;
  if (sentUID && sentUID !== current.obj.metadata!.uid) {
    throw errors.conflict(info, name, `Precondition failed: UID in precondition: ${sentUID}, UID in object meta: ${current.obj.metadata!.uid}`);
  }
  const next = mergeForSubresource(req, incoming, current.obj);
  carryUpdateMeta(info, next, current.obj);
  if (info.hasGeneration && req.subresource !== 'status' && specChanged(info, next, current.obj)) {
    next.metadata!.generation = (current.obj.metadata!.generation ?? 1) + 1;
  }
  // The kind's update strategy is the main resource's; /status and /finalize have their own (above, in the merge).
  if (req.subresource === undefined) info.prepareForUpdate?.(next, current.obj, ctx.admission);
  info.applyDefaults(next);
  next.metadata!.resourceVersion = current.obj.metadata!.resourceVersion;
  validateOrThrow(info, next, current.obj);

  // As upstream's shouldDeleteDuringUpdate: an update that leaves no finalizers completes the deletion only
  // when nothing else is pending (grace period 0); a pod in its grace period keeps taking status writes.
  const cur = current.obj.metadata!;
  const finalizing = cur.deletionTimestamp && cur.deletionGracePeriodSeconds === 0;
  if (finalizing && (next.metadata!.finalizers ?? []).length === 0 && finalizersOf(info.kind, next).length === 0) {
    if (req.dryRun) return { code: 200, body: typed(info, next) };
    const gone = await ctx.resources.remove(info, next.metadata!.namespace, name, current.modRevision);
    return { code: 200, body: typed(info, { ...next, metadata: { ...next.metadata, resourceVersion: gone.metadata!.resourceVersion } }) };
  }
  // Upstream skips the write when nothing changed, so the resourceVersion stays put.
  if (deepEqual(next, current.obj)) return { code: 200, body: typed(info, current.obj) };
  if (req.dryRun) return { code: 200, body: typed(info, next) };

  const write = async () => {
    if (info.kind === 'Service' && !info.group) await allocateServiceAddresses(ctx, next, current.obj);
    return ctx.resources.update(info, next, current.modRevision);
  };
  const saved = info.kind === 'Service' && !info.group ? await serialized(write) : await write();
  return { code: 200, body: typed(info, saved) };
}

/** Namespaces also wait for spec.finalizers (the namespace controller's "kubernetes" finalizer). */
function finalizersOf(kind: string, obj: KObject): string[] {
  if (kind !== 'Namespace') return [];
  return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) as string[];
}

/** PUT: replace the object (or its status). */
export async function updateObject(req: RestRequest, body: unknown): Promise<RestResult> {
  const { info, ctx } = req;
  const obj = structuredClone(body) as KObject;
  checkBodyType(req, obj);
  req.warnings.push(...checkFields(info, obj, req.fieldValidation));
  const bodyName = obj.metadata?.name;
  if (bodyName !== req.name) {
    throw errors.badRequest(`the name of the object (${bodyName ?? ''}) does not match the name on the URL (${req.name})`);
  }
  reconcileNamespace(req, obj);
  const current = await ctx.resources.get(info, req.namespace, req.name!);
  return writeUpdate(req, current, obj);
}
