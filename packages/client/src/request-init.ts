/** Pure helpers that turn RequestOptions into a URL and fetch init (headers, body). */
import type { ClientConfig, RequestOptions } from './types';

/** The User-Agent mk's client sends (the API server logs it; kubectl sends kubectl/vX). */
export const USER_AGENT = 'mk/0.1.0';

/** buildUrl joins the server base URL, the path and the query (arrays become repeated keys; undefined is skipped). */
export function buildUrl(server: string, path: string, query?: RequestOptions['query']): string {
  const base = server.replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return base + (path.startsWith('/') ? path : '/' + path) + (qs ? (path.includes('?') ? '&' : '?') + qs : '');
}

/** buildHeaders sets Accept, Authorization and, with a body, Content-Type. */
export function buildHeaders(config: ClientConfig, opts: RequestOptions, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json', 'user-agent': USER_AGENT };
  if (config.token) headers.authorization = `Bearer ${config.token}`;
  if (hasBody) headers['content-type'] = opts.contentType ?? 'application/json';
  return headers;
}

/** encodeBody sends strings and bytes as they are and anything else as JSON. */
export function encodeBody(body: unknown): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  return JSON.stringify(body);
}

/** isJsonMediaType is true for application/json and +json types (with any parameters). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}
