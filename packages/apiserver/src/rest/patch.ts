/**
 * PATCH in the four flavours kubectl uses: JSON merge, JSON patch, strategic
 * merge, and server-side apply (which also creates). The patched object goes
 * through the shared update path; a conflict caused by a concurrent writer is
 * retried against the fresh object unless the patch pinned a resourceVersion.
 */
import { parse as parseYaml } from 'yaml';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, patchMetaFor, serverSideApply, PatchError, ConflictError, type KObject } from '@mk/api';
import { errors, StatusError } from '../errors';
import { createObject } from './create';
import { writeUpdate } from './update';
import { typed, type RestRequest, type RestResult } from './request';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const base = (contentType ?? '').split(';')[0].trim().toLowerCase();
  switch (base) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return base.endsWith('yaml') ? 'apply' : undefined;
    default:
      return undefined;
  }
}

const maxRetries = 5;

export async function patchObject(req: RestRequest, type: PatchType, raw: string): Promise<RestResult> {
  const { info, ctx } = req;
  const patch = parsePatchBody(type, raw);
  if (type === 'apply') return applyServerSide(req, patch as KObject);
  const pinnedRV = type !== 'json' ? (patch as KObject)?.metadata?.resourceVersion : undefined;
  for (let attempt = 0; ; attempt++) {
    const current = await ctx.resources.get(info, req.namespace, req.name!);
    const patched = applyPatch(req, type, current.obj, patch);
    if (!pinnedRV) patched.metadata = { ...patched.metadata, resourceVersion: current.obj.metadata!.resourceVersion };
    try {
      return await writeUpdate(req, current, patched);
    } catch (e) {
      if (!pinnedRV && e instanceof StatusError && e.reason === 'Conflict' && attempt < maxRetries) continue;
      throw e;
    }
  }
}

function parsePatchBody(type: PatchType, raw: string): unknown {
  try {
    return type === 'apply' ? parseYaml(raw) : JSON.parse(raw);
  } catch (e) {
    throw errors.badRequest(`error decoding patch: ${(e as Error).message}`);
  }
}

function applyPatch(req: RestRequest, type: PatchType, current: KObject, patch: unknown): KObject {
  const { info } = req;
  try {
    switch (type) {
      case 'json':
        if (!Array.isArray(patch)) throw new Error('json patch must be an array of operations');
        return applyJsonPatch(current, patch) as KObject;
      case 'merge':
        return applyMergePatch(current, patch) as KObject;
      default:
        return applyStrategicMergePatch(current, patch, patchMetaFor(info.group, info.version, info.kind)) as KObject;
    }
  } catch (e) {
    throw patchFailure(e);
  }
}

/** Maps the patch library's errors onto the Status upstream returns for the same failure. */
function patchFailure(e: unknown): unknown {
  if (e instanceof StatusError) return e;
  if (e instanceof ConflictError) {
    return new StatusError(409, 'Conflict', e.message, { causes: e.causes.map((c) => ({ reason: c.type, message: c.message, field: c.field })) });
  }
  if (e instanceof PatchError) {
    if (e.code === 400) return errors.badRequest(e.message);
    if (e.code === 500) return errors.internal(e.message);
    return new StatusError(422, 'Invalid', e.message);
  }
  return errors.badRequest((e as Error).message);
}

async function applyServerSide(req: RestRequest, applied: KObject): Promise<RestResult> {
  const { info, ctx } = req;
  const manager = req.query.fieldManager;
  if (!manager) throw errors.badRequest('fieldManager must be set for apply patches');
  const force = req.query.force === 'true';
  if (!applied || typeof applied !== 'object') throw errors.badRequest('the body of the request was not a YAML object');
  if (applied.metadata?.name && applied.metadata.name !== req.name) {
    throw errors.badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${req.name})`);
  }
  for (let attempt = 0; ; attempt++) {
    const current = await ctx.resources.tryGet(info, req.namespace, req.name!);
    let merged: KObject;
    try {
      merged = serverSideApply({ current: current?.obj, applied, manager, force, meta: patchMetaFor(info.group, info.version, info.kind), now: ctx.now() }).object as KObject;
    } catch (e) {
      throw patchFailure(e);
    }
    if (!current) {
      const created = await createObject(req, { ...merged, metadata: { ...merged.metadata, name: req.name } });
      return created;
    }
    merged.metadata = { ...merged.metadata, resourceVersion: current.obj.metadata!.resourceVersion };
    try {
      const r = await writeUpdate(req, current, merged);
      return { code: 200, body: typed(info, r.body as KObject) };
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'Conflict' && attempt < maxRetries && !e.message.startsWith('Apply failed')) continue;
      throw e;
    }
  }
}
