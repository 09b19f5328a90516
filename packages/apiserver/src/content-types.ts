/**
 * Request body parsers. JSON and YAML objects are parsed here; patch bodies
 * stay raw (their handlers parse them by patch type); protobuf, which typed
 * kubectl commands such as `kubectl create deployment` send, is refused with a
 * clear 415 Status naming the JSON workaround.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseYaml } from 'yaml';
import { errors, StatusError } from './errors';

const protobufHint =
  '. mk speaks JSON only: kubectl commands that send protobuf (create deployment/configmap/secret/namespace/job, drain) can be replaced by "kubectl create ... --dry-run=client -o yaml | kubectl apply -f -", or use the same command through mk';

function parseJson(_req: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) {
  if (body.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body));
  } catch (e) {
    done(new StatusError(400, 'BadRequest', `the body of the request could not be decoded as JSON: ${(e as Error).message}`));
  }
}

export function registerContentTypes(app: FastifyInstance): void {
  // Fastify refuses an empty Content-Type outright; without the header the body reaches the '*' parser below.
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.headers['content-type']?.trim() === '') delete req.headers['content-type'];
    done();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseYaml(body as string));
    } catch (e) {
      done(new StatusError(400, 'BadRequest', `the body of the request could not be decoded as YAML: ${(e as Error).message}`));
    }
  });
  app.addContentTypeParser(
    ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser('application/vnd.kubernetes.protobuf', (_req, _payload, done) => {
    done(errors.unsupportedMediaType('application/vnd.kubernetes.protobuf', protobufHint));
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => {
    // As upstream's input negotiation, a body without a media type is JSON (kubectl scale's PUT sends one).
    if (!req.headers['content-type']?.trim()) return parseJson(req, body as string, done);
    done(errors.unsupportedMediaType(req.headers['content-type']));
  });
}
