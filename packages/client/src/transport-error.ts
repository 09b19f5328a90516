/** TransportError: the request never got an HTTP answer (refused, reset, DNS, timeout). */

/** A failed connection to the API server; `host` is `host:port` as kubectl prints it. */
export class TransportError extends Error {
  /** Node's error code of the root cause, e.g. ECONNREFUSED, ETIMEDOUT ('Timeout' for --request-timeout). */
  readonly errno: string;
  readonly url: string;
  readonly host: string;

  constructor(url: string, errno: string, message: string) {
    super(message);
    this.name = 'TransportError';
    this.url = url;
    this.errno = errno;
    this.host = hostOf(url);
  }

  /** True when nothing listened on the server's port. */
  get refused(): boolean {
    return this.errno === 'ECONNREFUSED';
  }
}

/** isTransportError recognises a TransportError by shape too (each bundle has its own class). */
export function isTransportError(err: unknown): err is TransportError {
  return err instanceof TransportError || (err instanceof Error && err.name === 'TransportError' && typeof (err as TransportError).errno === 'string');
}

/** toTransportError wraps what fetch throws (TypeError 'fetch failed' with a cause) into a TransportError. */
export function toTransportError(url: string, err: unknown): TransportError {
  if (isTransportError(err)) return err;
  const cause = (err as { cause?: unknown })?.cause;
  const root = innermost(cause ?? err) as { code?: string; message?: string };
  const code = typeof root?.code === 'string' ? root.code : 'EUNKNOWN';
  const message = root?.message || (err instanceof Error ? err.message : String(err));
  return new TransportError(url, code, message);
}

/** Undici nests the socket error (sometimes in an AggregateError for v4/v6 attempts). */
function innermost(err: unknown): unknown {
  let cur = err as { cause?: unknown; errors?: unknown[] } | undefined;
  for (let i = 0; i < 5 && cur; i++) {
    if (Array.isArray(cur.errors) && cur.errors.length > 0) cur = cur.errors[0] as typeof cur;
    else if (cur.cause) cur = cur.cause as typeof cur;
    else break;
  }
  return cur;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
