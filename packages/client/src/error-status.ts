/**
 * Turning an HTTP error response into a meta/v1 Status the way client-go does:
 * a Status body is used as is; anything else (a proxy's HTML, a plain-text 500,
 * a router's JSON 404) becomes a generic Status with client-go's reason and
 * message for the code, suffixed with `(verb resource name)`.
 */
import { qualifiedResource } from '@mk/api';
import { parseResourcePath } from './resource-path';
import type { StatusJSON } from './types';

/** client-go caps how much of an unstructured body it quotes. */
const MAX_QUOTED_BODY = 2048;

/** What is known about the failed response. */
export interface ErrorResponse {
  code: number;
  method: string;
  path: string;
  contentType: string;
  body: string;
  retryAfterSeconds?: number;
}

/** statusFromErrorResponse returns the server's Status if the body is one, else a synthesized one. */
export function statusFromErrorResponse(res: ErrorResponse): StatusJSON {
  const parsed = parseStatus(res.body);
  if (parsed) return { ...parsed, code: parsed.code || res.code };
  const text = res.body.length > MAX_QUOTED_BODY ? res.body.slice(0, MAX_QUOTED_BODY) : res.body;
  const serverMessage = res.contentType.toLowerCase().startsWith('text/') ? text.trim() : 'unknown';
  return genericServerResponse(res.code, res.method, res.path, serverMessage, res.retryAfterSeconds ?? 0);
}

function parseStatus(body: string): StatusJSON | undefined {
  if (!body.trimStart().startsWith('{')) return undefined;
  try {
    const obj = JSON.parse(body) as Partial<StatusJSON>;
    if (obj && obj.kind === 'Status' && (obj.apiVersion === 'v1' || obj.apiVersion === undefined)) {
      return { metadata: {}, status: 'Failure', ...obj, kind: 'Status', apiVersion: 'v1' } as StatusJSON;
    }
  } catch {
    // not JSON: falls through to the generic Status
  }
  return undefined;
}

/** client-go's reason and message per HTTP code (apimachinery errors.NewGenericServerResponse). */
function reasonAndMessage(code: number, method: string, serverMessage: string): [string, string] {
  switch (code) {
    case 409:
      return [method === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'];
    case 404:
      return ['NotFound', 'the server could not find the requested resource'];
    case 400:
      return ['BadRequest', 'the server rejected our request for an unknown reason'];
    case 401:
      return ['Unauthorized', 'the server has asked for the client to provide credentials'];
    case 403:
      return ['Forbidden', serverMessage];
    case 406:
      return ['NotAcceptable', serverMessage === '' || serverMessage === 'unknown' ? 'the server was unable to respond with a content type that the client supports' : serverMessage];
    case 415:
      return ['UnsupportedMediaType', serverMessage];
    case 405:
      return ['MethodNotAllowed', 'the server does not allow this method on the requested resource'];
    case 422:
      return ['Invalid', 'the server rejected our request due to an error in our request'];
    case 503:
      return ['ServiceUnavailable', 'the server is currently unable to handle the request'];
    case 504:
      return ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'];
    case 429:
      return ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'];
  }
  if (code >= 500) return ['InternalError', `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`];
  return ['', `the server responded with the status code ${code} but did not return more information`];
}

function genericServerResponse(code: number, method: string, path: string, serverMessage: string, retryAfterSeconds: number): StatusJSON {
  const [reason, base] = reasonAndMessage(code, method, serverMessage);
  const target = parseResourcePath(path);
  const qualified = target ? qualifiedResource(target) : '';
  let message = base;
  if (qualified && target?.name) message = `${base} (${method.toLowerCase()} ${qualified} ${target.name})`;
  else if (qualified) message = `${base} (${method.toLowerCase()} ${qualified})`;
  const status: StatusJSON = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    details: {
      ...(target?.name ? { name: target.name } : {}),
      ...(target?.group ? { group: target.group } : {}),
      ...(target ? { kind: target.plural } : {}),
      causes: [{ reason: 'UnexpectedServerResponse', message: serverMessage }],
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    },
    code,
  };
  if (reason) status.reason = reason;
  return status;
}
