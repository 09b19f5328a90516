/**
 * etcd's watch through its JSON gateway (pure): the body of `POST /v3/watch`
 * for a prefix, and the meaning of one message of the response stream. The
 * gateway answers with one JSON object per line: `{"result": WatchResponse}`
 * (keys and values in base64; the first one says `created: true`) or
 * `{"error": {...}}` when the stream fails.
 */
import { prefixEnd } from '../../etcd';

/** One message of a watch stream, as the figure needs it. */
export type EtcdWatchMessage =
  | { kind: 'created' }
  | { kind: 'events'; keys: string[] }
  | { kind: 'error'; message: string }
  /** Progress notifications and other messages without events. */
  | { kind: 'other' };

interface GatewayMessage {
  result?: { created?: boolean; canceled?: boolean; cancel_reason?: string; events?: { type?: string; kv?: { key?: string } }[] };
  error?: { message?: string; http_code?: number };
}

/** The body of `POST /v3/watch` that watches every key starting with `prefix`. */
export function watchPrefixRequest(prefix: string): { create_request: { key: string; range_end: string } } {
  const key = Buffer.from(prefix);
  return { create_request: { key: key.toString('base64'), range_end: prefixEnd(key).toString('base64') } };
}

/** Classifies one parsed line of the stream; the keys of its events are decoded from base64. */
export function readWatchMessage(value: unknown): EtcdWatchMessage {
  const msg = value as GatewayMessage;
  if (msg.error) return { kind: 'error', message: msg.error.message ?? JSON.stringify(msg.error) };
  const result = msg.result;
  if (!result) return { kind: 'other' };
  if (result.canceled) return { kind: 'error', message: `watch canceled${result.cancel_reason ? `: ${result.cancel_reason}` : ''}` };
  if (result.created) return { kind: 'created' };
  // A put is etcd's default event type, which the gateway leaves out of the JSON.
  const puts = (result.events ?? []).filter((e) => (e.type ?? 'PUT') === 'PUT' && e.kv?.key);
  if (puts.length === 0) return { kind: 'other' };
  return { kind: 'events', keys: puts.map((e) => Buffer.from(e.kv!.key!, 'base64').toString()) };
}
