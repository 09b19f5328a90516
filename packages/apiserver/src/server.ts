/** Builds the Fastify app: parsers, auth, Status-shaped errors, routes, system objects. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiServerOptions } from './options';
import { createContext, type ServerContext } from './context';
import { errors, toStatusError } from './errors';
import { registerContentTypes } from './content-types';
import { registerAuth } from './auth';
import { registerDiscoveryRoutes } from './routes/discovery';
import { registerSystemRoutes } from './routes/system';
import { registerOpenApiV2 } from './routes/openapi-v2';
import { registerResourceRoutes } from './routes/resources';
import { ensureSystemObjects } from './bootstrap/system-objects';

/** Request bodies above 3 MiB are refused (etcd's own limit is 1.5 MiB per value). */
export const bodyLimit = 3 * 1024 * 1024;

export async function createApiServer(opts: ApiServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit, routerOptions: { maxParamLength: 1000 }, forceCloseConnections: true });
  const ctx: ServerContext = createContext(opts);

  registerContentTypes(app);
  registerAuth(app, opts.token);
  app.setErrorHandler((err, _request, reply) => {
    const status = toStatusError(err).toStatus();
    if (status.code >= 500) app.log.error(err);
    return reply.code(status.code).header('Content-Type', 'application/json').send(JSON.stringify(status));
  });
  app.setNotFoundHandler((_request, reply) => {
    const status = errors.notFoundPath().toStatus();
    return reply.code(404).header('Content-Type', 'application/json').send(JSON.stringify(status));
  });

  // The daemon may terminate TLS itself and hand connections to Fastify, so app.server has no address.
  const listenAddress = () => {
    const addr = app.server.address();
    return addr && typeof addr === 'object' ? `${addr.address}:${addr.port}` : `127.0.0.1:${opts.apiPort ?? 6443}`;
  };
  registerSystemRoutes(app);
  registerOpenApiV2(app);
  registerDiscoveryRoutes(app, listenAddress);
  registerResourceRoutes(app, ctx);

  await ensureSystemObjects(ctx, opts.apiPort);
  return app;
}
