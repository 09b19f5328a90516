/** GET of one object and LIST of a collection, as objects, Tables or PartialObjectMetadata. */
import type { KObject } from '@mk/api';
import { errors } from '../errors';
import type { Representation } from '../negotiation';
import { buildFilter } from '../selection';
import { listItem } from '../storage/codec';
import { parseIncludeObject, partialMetadata, toTable } from '../tables';
import { apiVersionOf, typed, type RestRequest, type RestResult } from './request';

export async function getObject(req: RestRequest, rep: Representation): Promise<RestResult> {
  const { info, ctx } = req;
  const { obj } = await ctx.resources.get(info, req.namespace, req.name!);
  if (rep === 'table') {
    return { code: 200, body: toTable(info, [obj], { resourceVersion: obj.metadata!.resourceVersion! }, ctx.now(), parseIncludeObject(req.query.includeObject)) };
  }
  if (rep === 'metadata') return { code: 200, body: partialMetadata(obj) };
  return { code: 200, body: typed(info, obj) };
}

interface ContinueToken {
  key: string;
  rv: number;
}

function decodeContinue(token: string | undefined): ContinueToken | undefined {
  if (!token) return undefined;
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (typeof t.key !== 'string') throw new Error('bad');
    return t;
  } catch {
    throw errors.badRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
}

const encodeContinue = (t: ContinueToken) => Buffer.from(JSON.stringify(t)).toString('base64url');

export async function listObjects(req: RestRequest, rep: Representation): Promise<RestResult> {
  const { info, ctx, query } = req;
  const filter = buildFilter(info, query.labelSelector, query.fieldSelector);
  const limit = query.limit ? Math.max(0, parseInt(query.limit, 10) || 0) : 0;
  const cont = decodeContinue(query.continue);
  if (rep === 'object' && !filter && limit === 0 && !cont) {
    // The common whole-collection list (informers, kubectl -o json): stored JSON spliced in, not parsed and re-serialized.
    const { items, revision } = await ctx.resources.listJson(info, req.namespace);
    const head = JSON.stringify({ kind: `${info.kind}List`, apiVersion: apiVersionOf(info), metadata: { resourceVersion: String(revision) } });
    return { code: 200, body: undefined, json: `${head.slice(0, -1)},"items":[${items.join(',')}]}` };
  }
  const page = await ctx.resources.list(info, req.namespace, { filter, limit, startAfter: cont?.key });
  const rv = String(cont?.rv ?? page.revision);
  const next = page.nextKey ? encodeContinue({ key: page.nextKey, rv: Number(rv) }) : undefined;
  if (rep === 'table') {
    return { code: 200, body: toTable(info, page.items, { resourceVersion: rv, continue: next }, ctx.now(), parseIncludeObject(query.includeObject)) };
  }
  const metadata = { resourceVersion: rv, ...(next ? { continue: next } : {}) };
  if (rep === 'metadata') {
    return { code: 200, body: { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata, items: page.items.map(partialMetadata) } };
  }
  return { code: 200, body: { kind: `${info.kind}List`, apiVersion: apiVersionOf(info), metadata, items: page.items.map(listItem) } };
}
