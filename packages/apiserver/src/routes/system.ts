/** /version (minor "32", which makes kubectl's dispatcher run kubectl 1.32), health probes, OpenAPI. */
import type { FastifyInstance } from 'fastify';
import { allKinds, goPlatform, groupVersions, MK_RELEASE, openApiV3Document, openApiV3Root, type VersionInfo } from '@mk/api';
import { createHash } from 'node:crypto';
import { errors } from '../errors';

/** The API server's version.Info: mk's release, built as a Go 1.23 gc binary would report it. */
export const serverVersion: VersionInfo = {
  ...MK_RELEASE,
  goVersion: 'go1.23',
  compiler: 'gc',
  platform: goPlatform(process.platform, process.arch),
};

function documentFor(group: string, version: string) {
  const kinds = allKinds().filter((k) => k.group === group && k.version === version);
  if (kinds.length === 0) return undefined;
  return openApiV3Document(group, version, kinds.map((k) => ({ kind: k.kind, plural: k.plural, namespaced: k.namespaced, subresources: [...k.subresources] })));
}

// kubectl caches /openapi/v3/...?hash= responses, so the hash must change whenever a document does:
// derive it from the documents themselves, once, on first use (not at start-up).
let contentHash: string | undefined;
function schemaHash(): string {
  if (contentHash) return contentHash;
  const h = createHash('sha512');
  for (const gv of groupVersions()) h.update(JSON.stringify(documentFor(gv.group, gv.version)));
  contentHash = h.digest('hex').slice(0, 128).toUpperCase();
  return contentHash;
}

export function registerSystemRoutes(app: FastifyInstance): void {
  app.get('/version', (_req, reply) => reply.header('Content-Type', 'application/json').send(JSON.stringify(serverVersion)));
  for (const path of ['/healthz', '/readyz', '/livez']) {
    app.get(path, (_req, reply) => reply.header('Content-Type', 'text/plain; charset=utf-8').send('ok'));
  }
  app.get('/openapi/v3', (_req, reply) => reply.header('Content-Type', 'application/json').send(JSON.stringify(openApiV3Root(groupVersions(), schemaHash()))));
  app.get('/openapi/v3/*', (request, reply) => {
    const rest = (request.params as { '*': string })['*'].split('?')[0];
    const parts = rest.split('/');
    let group: string;
    let version: string;
    if (parts[0] === 'api' && parts.length === 2) [group, version] = ['', parts[1]];
    else if (parts[0] === 'apis' && parts.length === 3) [group, version] = [parts[1], parts[2]];
    else throw errors.notFoundPath();
    const doc = documentFor(group, version);
    if (!doc) throw errors.notFoundPath();
    return reply.header('Content-Type', 'application/json').header('Cache-Control', 'public, immutable').send(JSON.stringify(doc));
  });
}
