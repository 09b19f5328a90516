/**
 * The node control API on the cluster's own server, under /mk/v1/nodes:
 * list, add, remove, power off and on. Requests are authenticated like every
 * other (the API server's hook covers all routes); errors are Kubernetes Status
 * objects, so `mk` reports them as it reports API errors.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AddNodeRequest } from './add-request';
import { NodeManagerError, type NodeManager } from './node-manager';

/** The base path of the node control API. */
export const NODES_PATH = '/mk/v1/nodes';

function sendStatus(reply: FastifyReply, err: NodeManagerError): FastifyReply {
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: err.message, reason: err.reason, details: err.details, code: err.code };
  return reply.code(err.code).header('Content-Type', 'application/json').send(JSON.stringify(status));
}

function sendJson(reply: FastifyReply, code: number, body: unknown): FastifyReply {
  return reply.code(code).header('Content-Type', 'application/json').send(JSON.stringify(body));
}

/** Renders manager errors as Status; anything else goes to the API server's error handler (500 InternalError). */
async function handle(reply: FastifyReply, code: number, fn: () => Promise<unknown> | unknown): Promise<FastifyReply> {
  try {
    return sendJson(reply, code, await fn());
  } catch (err) {
    if (err instanceof NodeManagerError) return sendStatus(reply, err);
    throw err;
  }
}

function addRequest(body: unknown): AddNodeRequest {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new NodeManagerError(400, 'BadRequest', 'the request body must be a JSON object');
  const b = body as AddNodeRequest;
  if (b.name !== undefined && typeof b.name !== 'string') throw new NodeManagerError(400, 'BadRequest', 'name must be a string');
  return b;
}

/** registerNodeRoutes adds the node control API, backed by `manager`. */
export function registerNodeRoutes(app: FastifyInstance, manager: NodeManager): void {
  type Named = { Params: { name: string } };
  app.get(NODES_PATH, (_req, reply) => handle(reply, 200, () => ({ kind: 'NodeAgentList', apiVersion: 'mk/v1', items: manager.list() })));
  app.post(NODES_PATH, (req, reply) => handle(reply, 201, () => manager.add(addRequest(req.body))));
  app.delete<Named>(`${NODES_PATH}/:name`, (req, reply) => handle(reply, 200, () => manager.remove(req.params.name)));
  app.post<Named>(`${NODES_PATH}/:name/stop`, (req, reply) => handle(reply, 200, () => manager.powerOff(req.params.name)));
  app.post<Named>(`${NODES_PATH}/:name/start`, (req, reply) => handle(reply, 200, () => manager.powerOn(req.params.name)));
}
