/**
 * The `scale` subresource: an autoscaling/v1 Scale view of a workload's
 * spec.replicas, readable and writable with GET, PUT and PATCH.
 */
import { applyJsonPatch, applyMergePatch, labelSelectorToString, labelSelectorFromSpec, type KObject } from '@mk/api';
import { errors } from '../errors';
import { writeUpdate } from './update';
import type { PatchType } from './patch';
import type { RestRequest, RestResult } from './request';

export function toScale(obj: KObject): KObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  const status = (obj.status ?? {}) as { replicas?: number };
  const m = obj.metadata!;
  const selector = spec.selector ? labelSelectorToString(labelSelectorFromSpec(spec.selector)) : '';
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

export async function getScale(req: RestRequest): Promise<RestResult> {
  const { obj } = await req.ctx.resources.get(req.info, req.namespace, req.name!);
  return { code: 200, body: toScale(obj) };
}

async function writeScale(req: RestRequest, scale: KObject): Promise<RestResult> {
  const current = await req.ctx.resources.get(req.info, req.namespace, req.name!);
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw errors.badRequest('spec.replicas: Invalid value: the scale replicas must be an integer');
  }
  if (replicas < 0) {
    throw errors.invalid('Scale', 'autoscaling', req.name!, `Scale.autoscaling "${req.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, [
      { reason: 'FieldValueInvalid', message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: 'spec.replicas' },
    ]);
  }
  const sentRV = scale.metadata?.resourceVersion;
  if (sentRV && sentRV !== current.obj.metadata!.resourceVersion) throw errors.conflict(req.info, req.name!);
  const next = structuredClone(current.obj);
  next.spec = { ...(next.spec as object), replicas };
  const main: RestRequest = { ...req, subresource: undefined };
  const result = await writeUpdate(main, current, next);
  return { code: 200, body: toScale(result.body as KObject) };
}

export async function updateScale(req: RestRequest, body: unknown): Promise<RestResult> {
  return writeScale(req, body as KObject);
}

export async function patchScale(req: RestRequest, type: PatchType, raw: string): Promise<RestResult> {
  const { obj } = await req.ctx.resources.get(req.info, req.namespace, req.name!);
  const scale = toScale(obj);
  let patched: KObject;
  try {
    const patch = JSON.parse(raw);
    patched = (type === 'json' ? applyJsonPatch(scale, patch) : applyMergePatch(scale, patch)) as KObject;
  } catch (e) {
    throw errors.badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  return writeScale(req, patched);
}
