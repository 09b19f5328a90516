/**
 * pods/binding: the scheduler's way to assign a pod to a node. Succeeds only
 * if the pod is not yet bound (upstream's "is already assigned" conflict).
 */
import type { KObject } from '@mk/api';
import { errors } from '../errors';
import type { RestRequest, RestResult } from './request';
import { isoSeconds } from '../admission/object-meta';

interface PodCondition { type: string; status: string; [k: string]: unknown }
type PodStatus = { conditions?: PodCondition[]; [k: string]: unknown };

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
function withCondition(status: PodStatus | undefined, cond: PodCondition): PodStatus {
  const conditions = [...(status?.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === cond.type);
  if (i < 0) conditions.push(cond);
  else if (conditions[i].status !== cond.status) conditions[i] = cond;
  else conditions[i] = { ...conditions[i], ...cond, lastTransitionTime: conditions[i].lastTransitionTime };
  return { ...(status ?? {}), conditions };
}

export async function bindPod(req: RestRequest, body: unknown): Promise<RestResult> {
  const binding = body as KObject & { target?: { kind?: string; name?: string } };
  const node = binding?.target?.name;
  if (!node) {
    throw errors.invalid('Binding', '', req.name!, `Binding "${req.name}" is invalid: target.name: Required value`, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await req.ctx.resources.get(req.info, req.namespace, req.name!);
    const pod = structuredClone(current.obj);
    const spec = (pod.spec ?? {}) as { nodeName?: string };
    if (pod.metadata!.deletionTimestamp) throw errors.conflict(req.info, req.name!, 'pod is being deleted, cannot be assigned to a host');
    if (spec.nodeName) throw errors.conflict(req.info, req.name!, `pod ${req.name} is already assigned to node "${spec.nodeName}"`);
    pod.spec = { ...spec, nodeName: node };
    // Upstream's binding storage marks the pod scheduled in the same write.
    pod.status = withCondition(pod.status as PodStatus | undefined, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: isoSeconds(req.ctx.now()) });
    try {
      await req.ctx.resources.update(req.info, pod, current.modRevision);
      return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
    } catch (e) {
      if ((e as { reason?: string }).reason !== 'Conflict') throw e;
    }
  }
  throw errors.conflict(req.info, req.name!);
}
