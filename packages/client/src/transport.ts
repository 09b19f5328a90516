/**
 * The HTTP(S) transport under the REST client: node:http/https with
 * keep-alive agents, answering with a WHATWG Response. Not fetch: Node 20's
 * fetch cannot trust a per-cluster CA without importing undici, and kubectl
 * only sends the bearer token over TLS, so mk's clusters serve HTTPS with their own CA.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/** TLS trust settings of one client. */
export interface TlsTrust {
  caData?: string;
  insecureSkipTLSVerify?: boolean;
  /**
   * Send every request over this Unix socket instead of TCP (the URL's host
   * is then only the Host header): how the daemon's own components reach its
   * API server without encrypting each request and watch event twice.
   */
  socketPath?: string;
}

/** One request on the wire. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

/** Sends requests; the promise settles when the response headers arrive (the body streams). */
export type Transport = (req: WireRequest) => Promise<Response>;

/** Statuses whose responses have no body (a Response cannot be built with one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** createTransport returns a transport with its own keep-alive agents (idle sockets do not keep the process alive). */
export function createTransport(trust: TlsTrust = {}): Transport {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const socketPath = trust.socketPath;
  const httpsAgent = new HttpsAgent({ keepAlive: true, ca: trust.caData || undefined, rejectUnauthorized: !trust.insecureSkipTLSVerify });
  return (req) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(req.url);
      const secure = url.protocol === 'https:';
      const send = secure ? httpsRequest : httpRequest;
      // Node sends DELETE bodies with neither Content-Length nor chunked encoding (its default for
      // DELETE), so the server would read the body as the next request: always say how long it is.
      const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
      const outgoing = send(url, { method: req.method, headers, agent: secure ? httpsAgent : httpAgent, signal: req.signal, socketPath }, (res) =>
        resolve(toResponse(res, req.method)),
      );
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
}

function toResponse(res: IncomingMessage, method: string): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  for (const [key, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  if (NULL_BODY.has(status) || method === 'HEAD') {
    res.resume();
    return new Response(null, { status, statusText: res.statusMessage, headers });
  }
  return new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, statusText: res.statusMessage, headers });
}
