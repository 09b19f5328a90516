/**
 * The HTTP(S) transport under the REST client: node:http/https with
 * keep-alive agents. Not fetch: Node 20's fetch cannot trust a per-cluster CA
 * without importing undici, and kubectl only sends the bearer token over TLS,
 * so mk's clusters serve HTTPS with their own CA.
 *
 * Answers are a small Response-shaped object rather than a WHATWG Response:
 * building a Response over Node's stream (Readable.toWeb) cost ~70 µs per
 * request, a tenth of a simple request's CPU in the daemon, whose components
 * make thousands per second. The web stream is made only when a caller reads
 * `body` (watches and log follows).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { Limiter } from './limiter';

/** Where and how one client connects. */
export interface TransportOptions {
  caData?: string;
  insecureSkipTLSVerify?: boolean;
  /**
   * Send every request over this Unix socket instead of TCP (the URL's host
   * is then only the Host header): how the daemon's own components reach its
   * API server without encrypting each request and watch event twice.
   */
  socketPath?: string;
  /**
   * Most ordinary requests in flight at once (more wait their turn). Default
   * 64: a thousand node agents sharing one client must not keep a thousand
   * connections busy at once. Streams (watches) are not counted: one held
   * back would resume from an older revision and replay all it missed.
   */
  maxInFlight?: number;
}

/** One request on the wire. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** A long-lived answer (a watch): not counted against maxInFlight. */
  stream?: boolean;
}

/** The part of a WHATWG Response the client reads; a real Response satisfies it (test fakes use one). */
export interface WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  /** The whole body as text. */
  text(): Promise<string>;
  /** The body as a web stream, for answers read as they arrive; null when there is none. */
  readonly body: ReadableStream<Uint8Array> | null;
}

/** Sends requests; the promise settles when the response headers arrive (the body streams). */
export type Transport = (req: WireRequest) => Promise<WireResponse>;

/** Statuses whose responses have no body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** createTransport returns a transport with its own keep-alive agents (idle sockets do not keep the process alive). */
export function createTransport(opts: TransportOptions = {}): Transport {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true, ca: opts.caData || undefined, rejectUnauthorized: !opts.insecureSkipTLSVerify });
  const socketPath = opts.socketPath;
  const inFlight = new Limiter(opts.maxInFlight ?? 64);
  const send = (req: WireRequest, release: () => void): Promise<WireResponse> =>
    new Promise<WireResponse>((resolve, reject) => {
      const url = new URL(req.url);
      const secure = url.protocol === 'https:';
      const request = secure ? httpsRequest : httpRequest;
      // Node sends DELETE bodies with neither Content-Length nor chunked encoding (its default for
      // DELETE), so the server would read the body as the next request: always say how long it is.
      const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) };
      const outgoing = request(url, { method: req.method, headers, agent: secure ? httpsAgent : httpAgent, signal: req.signal, socketPath }, (res) => {
        // A request holds its slot until its answer is read to its end or abandoned: its connection is free again.
        res.once('close', release);
        resolve(new NodeResponse(res, req.method));
      });
      outgoing.once('error', (err) => {
        release();
        reject(err);
      });
      outgoing.end(req.body);
    });
  return (req) => {
    if (req.stream) return send(req, () => {});
    return new Promise<WireResponse>((resolve, reject) => {
      void inFlight.run(() => new Promise<void>((release) => send(req, release).then(resolve, reject)));
    });
  };
}

/** A WireResponse over Node's IncomingMessage. */
class NodeResponse implements WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  private readonly empty: boolean;
  private stream?: ReadableStream<Uint8Array>;

  constructor(
    private readonly res: IncomingMessage,
    method: string,
  ) {
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? '';
    this.headers = { get: (name) => headerValue(res.headers[name.toLowerCase()]) };
    this.empty = NULL_BODY.has(this.status) || method === 'HEAD';
    if (this.empty) res.resume();
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.empty) return null;
    this.stream ??= Readable.toWeb(this.res) as ReadableStream<Uint8Array>;
    return this.stream;
  }

  text(): Promise<string> {
    if (this.empty) return Promise.resolve('');
    if (this.stream) return new Response(this.stream).text();
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.res.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.res.once('error', reject);
      // 'close' follows 'end' when all arrived; a connection cut mid-body closes an incomplete message.
      this.res.once('close', () => (this.res.complete ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error('the connection closed before the whole response arrived'))));
    });
  }
}

/** A header as fetch's Headers.get gives it: repeated values joined by ", ". */
function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
