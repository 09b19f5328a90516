/** Reading a watch response: newline-delimited JSON events until the server ends the stream or close() is called. */
import { JsonLineSplitter } from './json-lines';
import { toTransportError } from './transport-error';
import type { WatchEventJSON, WatchHandle } from './types';
import type { WireResponse } from './transport';

/**
 * openWatch starts pumping the response body into onEvent. `done` resolves when
 * the stream ends or close() aborts it; it rejects on a transport error, and
 * with onEvent's own error if the handler throws (the stream is then closed).
 */
export function openWatch(res: WireResponse, url: string, controller: AbortController, onEvent: (event: WatchEventJSON) => void): WatchHandle {
  let closing = false;
  const close = (): void => {
    closing = true;
    controller.abort();
  };
  const stopped = (): boolean => closing || controller.signal.aborted;
  // Events already buffered in the current chunk are not delivered after close().
  const done = pump(res, url, controller, (ev) => { if (!stopped()) onEvent(ev as WatchEventJSON); }, stopped);
  return { done, close };
}

async function pump(res: WireResponse, url: string, controller: AbortController, onValue: (value: unknown) => void, stopped: () => boolean): Promise<void> {
  if (!res.body) return;
  const reader = res.body.getReader();
  const splitter = new JsonLineSplitter(onValue);
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (err) {
      if (stopped()) return;
      throw toTransportError(url, err);
    }
    if (chunk.done) break;
    try {
      splitter.push(chunk.value);
    } catch (err) {
      controller.abort();
      throw err;
    }
  }
  if (!stopped()) splitter.end();
}
