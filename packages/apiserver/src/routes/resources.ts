/**
 * The generic REST routes: every /api and /apis resource path is parsed into
 * a RequestInfo and dispatched on verb and subresource, for every kind in the
 * registry.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findKind, type KindInfo } from '@mk/api';
import type { ServerContext } from '../context';
import { errors } from '../errors';
import { parseResourcePath } from '../request-info';
import { negotiate } from '../negotiation';
import { parseFieldValidation } from '../admission/field-validation';
import type { RestRequest, RestResult } from '../rest/request';
import { getObject, listObjects } from '../rest/read';
import { createObject } from '../rest/create';
import { updateObject } from '../rest/update';
import { patchObject, patchTypeOf } from '../rest/patch';
import { deleteObject } from '../rest/delete';
import { deleteCollection } from '../rest/delete-collection';
import { getScale, patchScale, updateScale } from '../rest/scale';
import { bindPod } from '../rest/binding';
import { evictPod } from '../rest/eviction';
import { finalizeNamespace } from '../rest/finalize';
import { serveWatch } from '../watch/watch-stream';

type Query = Record<string, string | undefined>;

function flattenQuery(q: unknown): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries((q ?? {}) as Record<string, unknown>)) out[k] = Array.isArray(v) ? String(v[v.length - 1]) : v === undefined ? undefined : String(v);
  return out;
}

function buildRequest(ctx: ServerContext, request: FastifyRequest): { req: RestRequest; info: KindInfo } {
  const ri = parseResourcePath(request.url);
  if (!ri) throw errors.notFoundPath();
  const info = findKind(ri.group, ri.version, ri.plural);
  if (!info) throw errors.notFoundPath();
  if (!info.namespaced && ri.namespace !== undefined) throw errors.notFoundPath();
  if (ri.subresource && !info.subresources.includes(ri.subresource as never)) throw errors.notFoundPath();
  const query = flattenQuery(request.query);
  const dryRunValues = ([] as string[]).concat((request.query as Record<string, string | string[]>)?.dryRun ?? []);
  if (dryRunValues.some((v) => v !== 'All')) throw errors.badRequest(`Invalid dry run value: ${dryRunValues.join(', ')}. Valid values are All`);
  const req: RestRequest = {
    ctx,
    info,
    namespace: ri.namespace,
    name: ri.name,
    subresource: ri.subresource,
    query,
    dryRun: dryRunValues.includes('All'),
    fieldValidation: parseFieldValidation(query.fieldValidation),
    warnings: [],
  };
  return { req, info };
}

function send(reply: FastifyReply, req: RestRequest, result: RestResult): FastifyReply {
  if (req.warnings.length) reply.header('Warning', req.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', '));
  return reply.code(result.code).header('Content-Type', 'application/json').send(result.json ?? JSON.stringify(result.body));
}

const rawBody = (body: unknown) => (typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body));

async function dispatch(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  const { req, info } = buildRequest(ctx, request);
  const rep = negotiate(request.headers.accept);
  const method = request.method;
  const sub = req.subresource;
  const body = request.body;

  if (sub === 'scale') {
    if (method === 'GET') return send(reply, req, await getScale(req));
    if (method === 'PUT') return send(reply, req, await updateScale(req, body));
    if (method === 'PATCH') return send(reply, req, await patchScale(req, patchKind(request), rawBody(body)));
    throw errors.methodNotSupported(info, method.toLowerCase());
  }
  if (sub === 'binding') {
    if (method === 'POST') return send(reply, req, await bindPod(req, body));
    throw errors.methodNotSupported(info, method.toLowerCase());
  }
  if (sub === 'finalize') {
    if (method === 'PUT') return send(reply, req, await finalizeNamespace(req, body));
    throw errors.methodNotSupported(info, method.toLowerCase());
  }
  if (sub === 'eviction') {
    if (method === 'POST') return send(reply, req, await evictPod(req, body));
    throw errors.methodNotSupported(info, method.toLowerCase());
  }
  if (sub && sub !== 'status') {
    // log, exec, attach and portforward are served by a pod's node; simulated nodes have no processes.
    const { obj } = await ctx.resources.get(info, req.namespace, req.name!);
    const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!node) throw errors.badRequest(`pod ${req.name} does not have a host assigned`);
    throw errors.badRequest(`${sub} is not available for pod ${req.name}: its node "${node}" runs the simulated runtime, whose containers are not processes (the process runtime comes in a later release)`);
  }

  switch (method) {
    case 'GET':
      if (req.name && !sub) {
        if (req.query.watch === 'true' || req.query.watch === '1') throw errors.methodNotSupported(info, 'watch');
        return send(reply, req, await getObject(req, rep));
      }
      if (sub === 'status') return send(reply, req, await getObject(req, rep));
      if (req.query.watch === 'true' || req.query.watch === '1') {
        reply.hijack();
        try {
          await serveWatch(req, rep, reply.raw);
        } catch (e) {
          writeHijackedError(reply, e);
        }
        return;
      }
      return send(reply, req, await listObjects(req, rep));
    case 'POST':
      if (req.name) throw errors.methodNotSupported(info, 'create');
      return send(reply, req, await createObject(req, body));
    case 'PUT':
      if (!req.name) throw errors.methodNotSupported(info, 'update');
      return send(reply, req, await updateObject(req, body));
    case 'PATCH':
      if (!req.name) throw errors.methodNotSupported(info, 'patch');
      return send(reply, req, await patchObject(req, patchKind(request), rawBody(body)));
    case 'DELETE':
      if (sub) throw errors.methodNotSupported(info, 'delete');
      if (!req.name) return send(reply, req, await deleteCollection(req, body));
      return send(reply, req, await deleteObject(req, body));
    default:
      throw errors.methodNotSupported(info, method.toLowerCase());
  }
}

function patchKind(request: FastifyRequest) {
  const type = patchTypeOf(request.headers['content-type']);
  if (!type) throw errors.unsupportedMediaType(request.headers['content-type'] ?? '');
  return type;
}

function writeHijackedError(reply: FastifyReply, e: unknown): void {
  const res = reply.raw;
  const status = (e as { toStatus?: () => unknown; code?: number }).toStatus?.() ?? errors.internal(String(e)).toStatus();
  if (!res.headersSent) {
    res.writeHead((status as { code: number }).code, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status));
  } else {
    res.end();
  }
}

export function registerResourceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const handler = (request: FastifyRequest, reply: FastifyReply) => dispatch(ctx, request, reply);
  for (const url of ['/api/*', '/apis/*']) {
    app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url, handler });
  }
}
