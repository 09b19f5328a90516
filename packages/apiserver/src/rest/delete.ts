/**
 * DELETE: preconditions, propagation policy (as finalizers for the garbage
 * collector), graceful deletion for scheduled pods, finalizers holding the
 * object with a deletionTimestamp, and namespace termination.
 */
import type { KObject } from '@mk/api';
import { errors } from '../errors';
import { isoSeconds } from '../admission/object-meta';
import { immortalNamespaces } from '../admission/namespace-lifecycle';
import type { Stored } from '../storage/resource-store';
import { typed, type RestRequest, type RestResult } from './request';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

export function parseDeleteOptions(body: unknown, query: Record<string, string | undefined>): DeleteOptions {
  const opts: DeleteOptions = body && typeof body === 'object' ? { ...(body as DeleteOptions) } : {};
  if (query.gracePeriodSeconds !== undefined) opts.gracePeriodSeconds = Number(query.gracePeriodSeconds);
  if (query.propagationPolicy) opts.propagationPolicy = query.propagationPolicy as DeleteOptions['propagationPolicy'];
  if (query.orphanDependents !== undefined) opts.orphanDependents = query.orphanDependents === 'true';
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    throw errors.invalid('DeleteOptions', 'meta.k8s.io', '', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`, [
      { reason: 'FieldValueNotSupported', field: 'propagationPolicy', message: `Unsupported value: "${opts.propagationPolicy}"` },
    ]);
  }
  return opts;
}

function checkPreconditions(req: RestRequest, obj: KObject, pre: DeleteOptions['preconditions']): void {
  const name = obj.metadata!.name!;
  if (pre?.uid && pre.uid !== obj.metadata!.uid) {
    throw errors.conflict(req.info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata!.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata!.resourceVersion) {
    throw errors.conflict(req.info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata!.resourceVersion}`);
  }
}

/** Upstream's pod strategy: only a pod bound to a node and still running gets a grace period. */
function gracePeriodFor(req: RestRequest, obj: KObject, requested: number | undefined): number {
  if (req.info.kind !== 'Pod' || req.info.group) return 0;
  const spec = (obj.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const grace = requested ?? spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, grace);
}

function finalizerFor(opts: DeleteOptions): string | undefined {
  if (opts.propagationPolicy === 'Foreground') return 'foregroundDeletion';
  if (opts.propagationPolicy === 'Orphan' || (opts.propagationPolicy === undefined && opts.orphanDependents === true)) return 'orphan';
  return undefined;
}

/** DeleteOptions may carry dryRun in the body as well as in the query (kubectl sends it in the body). */
export function withBodyDryRun(req: RestRequest, opts: DeleteOptions): RestRequest {
  const values = opts.dryRun ?? [];
  if (values.some((v) => v !== 'All')) throw errors.badRequest(`Invalid dry run value: ${values.join(', ')}. Valid values are All`);
  return values.includes('All') ? { ...req, dryRun: true } : req;
}

export async function deleteObject(request: RestRequest, body: unknown): Promise<RestResult> {
  const opts = parseDeleteOptions(body, request.query);
  const req = withBodyDryRun(request, opts);
  const { info, ctx } = req;
  const current = await ctx.resources.get(info, req.namespace, req.name!);
  checkPreconditions(req, current.obj, opts.preconditions);
  if (info.kind === 'Namespace' && !info.group) return terminateNamespace(req, current);
  return deleteStored(req, current, opts);
}

/** Deletes one stored object according to the options (also used by deletecollection and the namespace finalizer). */
export async function deleteStored(req: RestRequest, current: Stored, opts: DeleteOptions): Promise<RestResult> {
  const { info, ctx } = req;
  const obj = structuredClone(current.obj);
  const meta = obj.metadata!;
  const grace = gracePeriodFor(req, obj, opts.gracePeriodSeconds);
  const extra = finalizerFor(opts);
  const finalizers = [...(meta.finalizers ?? [])];
  if (extra && !finalizers.includes(extra)) finalizers.push(extra);

  if (finalizers.length === 0 && grace === 0) {
    if (req.dryRun) return { code: 200, body: typed(info, obj) };
    const gone = await ctx.resources.remove(info, meta.namespace, meta.name!, current.modRevision);
    return { code: 200, body: typed(info, { ...gone, metadata: { ...gone.metadata, resourceVersion: meta.resourceVersion } }) };
  }
  const now = ctx.now();
  if (meta.deletionTimestamp) {
    // Already being deleted: only a shorter grace period changes anything.
    if (grace > 0 && meta.deletionGracePeriodSeconds !== undefined && grace < meta.deletionGracePeriodSeconds) {
      meta.deletionGracePeriodSeconds = grace;
      meta.deletionTimestamp = isoSeconds(new Date(now.getTime() + grace * 1000));
    } else if (!extra || (meta.finalizers ?? []).includes(extra)) {
      return { code: 202, body: typed(info, obj) };
    }
  } else {
    meta.deletionTimestamp = isoSeconds(new Date(now.getTime() + grace * 1000));
    meta.deletionGracePeriodSeconds = grace;
  }
  meta.finalizers = finalizers;
  if (req.dryRun) return { code: 202, body: typed(info, obj) };
  const saved = await ctx.resources.update(info, obj, current.modRevision);
  return { code: 202, body: typed(info, saved) };
}

async function terminateNamespace(req: RestRequest, current: Stored): Promise<RestResult> {
  const { info, ctx } = req;
  const name = current.obj.metadata!.name!;
  if (immortalNamespaces.has(name)) throw errors.forbidden(info, name, 'this namespace may not be deleted');
  const specFinalizers = (current.obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
  if (specFinalizers.length === 0 && (current.obj.metadata!.finalizers ?? []).length === 0) {
    // As upstream's namespace storage: nothing has to clean up after it, so it goes at once.
    if (req.dryRun) return { code: 200, body: typed(info, current.obj) };
    const gone = await ctx.resources.remove(info, undefined, name, current.modRevision);
    return { code: 200, body: typed(info, gone) };
  }
  const obj = structuredClone(current.obj);
  if (!obj.metadata!.deletionTimestamp) {
    obj.metadata!.deletionTimestamp = isoSeconds(ctx.now());
    obj.metadata!.deletionGracePeriodSeconds = 0;
  }
  obj.status = { ...(obj.status as object), phase: 'Terminating' };
  if (req.dryRun) return { code: 200, body: typed(info, obj) };
  // The namespace controller (@mk/controllers) deletes the contents, then finishes through /finalize.
  const saved = current.obj.metadata!.deletionTimestamp ? current.obj : await ctx.resources.update(info, obj, current.modRevision);
  return { code: 200, body: typed(info, saved) };
}
