/**
 * A minimal /openapi/v2 document in protobuf (gnostic openapi_v2.Document: swagger "2.0", info, empty
 * paths and definitions). kubectl falls back to v2 client-side validation for group versions that
 * /openapi/v3 does not list — such as a removed extensions/v1beta1 — and aborts if v2 cannot be fetched;
 * with an empty v2 document it skips validation of unknown kinds and goes on to report the missing
 * mapping exactly as against a real cluster. Served as fixed bytes: no protobuf library is needed for a
 * document this small.
 */
import type { FastifyInstance } from 'fastify';

function field(tag: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(tag << 3) | 2, payload.length]), payload]);
}
const str = (tag: number, s: string) => field(tag, Buffer.from(s, 'utf8'));

/** swagger=1, info=2 (title=1, version=2), paths=8, definitions=9. */
export const openApiV2Document = Buffer.concat([
  str(1, '2.0'),
  field(2, Buffer.concat([str(1, 'Kubernetes'), str(2, 'v1.32.0')])),
  field(8, Buffer.alloc(0)),
  field(9, Buffer.alloc(0)),
]);

export function registerOpenApiV2(app: FastifyInstance): void {
  app.get('/openapi/v2', (_req, reply) =>
    reply.header('Content-Type', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf').send(openApiV2Document),
  );
}
