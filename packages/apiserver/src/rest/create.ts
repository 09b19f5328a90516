/** POST to a collection: admission (defaults, namespace lifecycle, allocation, validation), then store. */
import type { KObject } from '@mk/api';
import { errors } from '../errors';
import { fillCreateMeta } from '../admission/object-meta';
import { checkFields } from '../admission/field-validation';
import { checkNamespaceForCreate } from '../admission/namespace-lifecycle';
import { allocateServiceAddresses, serialized } from '../admission/service-addresses';
import { validateOrThrow } from '../admission/validate';
import { afterNamespaceCreated } from '../bootstrap/namespace-defaults';
import { checkBodyType, reconcileNamespace, typed, type RestRequest, type RestResult } from './request';

export async function createObject(req: RestRequest, body: unknown): Promise<RestResult> {
  const { info, ctx } = req;
  const obj = structuredClone(body) as KObject;
  checkBodyType(req, obj);
  req.warnings.push(...checkFields(info, obj, req.fieldValidation));
  reconcileNamespace(req, obj);
  const meta = obj.metadata!;
  if (!meta.name && !meta.generateName) {
    throw errors.invalid(info.kind, info.group, '', `${info.group ? `${info.kind}.${info.group}` : info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`, [
      { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
    ]);
  }
  fillCreateMeta(info, obj, ctx.now());
  info.prepareForCreate?.(obj, ctx.now(), ctx.admission);
  info.applyDefaults(obj);
  await checkNamespaceForCreate(ctx, info, meta.namespace, meta.name!);
  validateOrThrow(info, obj);

  const store = async () => {
    if (info.kind === 'Service' && !info.group) await allocateServiceAddresses(ctx, obj);
    if (req.dryRun) return obj;
    return ctx.resources.create(info, obj);
  };
  const created = info.kind === 'Service' && !info.group ? await serialized(store) : await store();
  if (info.kind === 'Namespace' && !info.group && !req.dryRun) await afterNamespaceCreated(ctx, created.metadata!.name!);
  return { code: 201, body: typed(info, created) };
}
