/** Bearer-token authentication: every request but health and version carries the cluster's token. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errors } from './errors';

const open = new Set(['/healthz', '/readyz', '/livez', '/version']);

export function registerAuth(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  const expected = Buffer.from(`Bearer ${token}`);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    if (open.has(path)) return;
    const got = Buffer.from(request.headers.authorization ?? '');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw errors.unauthorized();
  });
}
