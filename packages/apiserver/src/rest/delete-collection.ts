/** DELETE on a collection: deletes every object matching the selectors, each as a single DELETE would. */
import type { KObject } from '@mk/api';
import { StatusError } from '../errors';
import { buildFilter } from '../selection';
import { deleteStored, parseDeleteOptions, withBodyDryRun } from './delete';
import { apiVersionOf, type RestRequest, type RestResult } from './request';

export async function deleteCollection(request: RestRequest, body: unknown): Promise<RestResult> {
  const opts = parseDeleteOptions(body, request.query);
  const req = withBodyDryRun(request, opts);
  const { info, ctx, query } = req;
  const filter = buildFilter(info, query.labelSelector, query.fieldSelector);
  const page = await ctx.resources.list(info, req.namespace, { filter });
  const deleted: KObject[] = [];
  for (const obj of page.items) {
    try {
      const current = await ctx.resources.get(info, obj.metadata!.namespace, obj.metadata!.name!);
      const r = await deleteStored({ ...req, name: obj.metadata!.name, namespace: obj.metadata!.namespace }, current, opts);
      deleted.push(r.body as KObject);
    } catch (e) {
      if (!(e instanceof StatusError && e.reason === 'NotFound')) throw e;
    }
  }
  return { code: 200, body: { kind: `${info.kind}List`, apiVersion: apiVersionOf(info), metadata: { resourceVersion: String(page.revision) }, items: deleted } };
}
