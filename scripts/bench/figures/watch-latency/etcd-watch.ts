/**
 * One etcd watch of a key prefix through the JSON gateway's streaming
 * `POST /v3/watch`, on its own connection. The stream is read the way
 * @mk/client reads a Kubernetes watch (a web stream of the body, split into
 * JSON lines by the same JsonLineSplitter) so both sides of the figure pay
 * the same client-side cost per event.
 */
import { request, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { JsonLineSplitter } from '@mk/client';
import { readWatchMessage, watchPrefixRequest } from './etcd-messages';
import type { Stream } from './streams';

/**
 * Opens the watch; resolves once etcd acknowledged its creation. `onKeys` is
 * called with the keys of every put and the time the message was parsed.
 */
export function openEtcdWatch(url: string, prefix: string, onKeys: (keys: string[], t: number) => void): Promise<Stream> {
  const payload = JSON.stringify(watchPrefixRequest(prefix));
  let closing = false;
  let req: ClientRequest | undefined;
  const close = (): void => {
    closing = true;
    req?.destroy();
  };
  return new Promise<Stream>((resolveCreated, rejectCreated) => {
    let created = false;
    const done = new Promise<void>((resolveDone, rejectDone) => {
      const failed = (err: Error): void => {
        if (closing) return resolveDone();
        if (!created) rejectCreated(err);
        rejectDone(err);
      };
      req = request(`${url}/v3/watch`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return failed(new Error(`etcd /v3/watch answered ${res.statusCode}`));
        }
        const splitter = new JsonLineSplitter((value) => {
          const t = performance.now();
          const msg = readWatchMessage(value);
          if (msg.kind === 'events') onKeys(msg.keys, t);
          else if (msg.kind === 'error') throw new Error(`etcd watch: ${msg.message}`);
          else if (msg.kind === 'created' && !created) {
            created = true;
            resolveCreated({ done, close });
          }
        });
        const reader = (Readable.toWeb(res) as ReadableStream<Uint8Array>).getReader();
        const pump = async (): Promise<void> => {
          for (;;) {
            const chunk = await reader.read();
            if (chunk.done) return;
            splitter.push(chunk.value);
          }
        };
        pump().then(() => failed(new Error('etcd ended the watch stream')), (err: unknown) => failed(err instanceof Error ? err : new Error(String(err))));
      });
      req.on('error', failed);
      req.end(payload);
    });
    // Before creation, failures reach the caller through rejectCreated; afterwards, through the StreamSet.
    done.catch(() => undefined);
  });
}
