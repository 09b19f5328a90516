import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from './transport';

let server: Server | undefined;
const connections = new Set<Socket>();

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  server.on('connection', (s: Socket) => {
    connections.add(s);
    s.once('close', () => connections.delete(s));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of connections) s.destroy();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('createTransport', () => {
  it('answers with status, headers (repeated ones joined) and the whole body as text', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('warning', ['299 - "a"', '299 - "b"']);
      res.statusCode = 201;
      res.write('{"a":');
      res.end('1}');
    });
    const res = await createTransport()({ method: 'GET', url: `${url}/x`, headers: {} });
    expect([res.status, res.ok, res.headers.get('Content-Type'), res.headers.get('warning'), res.headers.get('absent')]).toEqual([
      201,
      true,
      'application/json',
      '299 - "a", 299 - "b"',
      null,
    ]);
    expect(await res.text()).toBe('{"a":1}');
  });

  it('has no body for 204 and HEAD, and says not ok for errors', async () => {
    const url = await serve((req, res) => {
      res.statusCode = req.url === '/none' ? 204 : req.url === '/head' ? 200 : 404;
      res.end(req.method === 'HEAD' || res.statusCode === 204 ? undefined : 'missing');
    });
    const send = createTransport();
    const none = await send({ method: 'DELETE', url: `${url}/none`, headers: {} });
    expect([none.body, await none.text()]).toEqual([null, '']);
    const head = await send({ method: 'HEAD', url: `${url}/head`, headers: {} });
    expect(head.body).toBeNull();
    const missing = await send({ method: 'GET', url: `${url}/missing`, headers: {} });
    expect([missing.ok, await missing.text()]).toEqual([false, 'missing']);
  });

  it('streams a body as it arrives when it is read as a stream', async () => {
    let finish!: () => void;
    const url = await serve((_req, res) => {
      res.write('first\n');
      finish = () => res.end('second\n');
    });
    const res = await createTransport()({ method: 'GET', url: `${url}/watch`, headers: {}, stream: true });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first\n');
    finish();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('second\n');
    expect((await reader.read()).done).toBe(true);
  });

  it('has at most maxInFlight requests out at once, not counting streams', async () => {
    let open = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    const url = await serve((req, res) => {
      if (req.url === '/stream') return void res.write('open\n');
      open++;
      most = Math.max(most, open);
      waiting.push(() => {
        open--;
        res.end('ok');
      });
    });
    const send = createTransport({ maxInFlight: 2 });
    const stream = await send({ method: 'GET', url: `${url}/stream`, headers: {}, stream: true });
    const answers = Array.from({ length: 5 }, () => send({ method: 'GET', url: `${url}/slow`, headers: {} }).then((r) => r.text()));
    // Release the slow requests one at a time as they arrive; the stream stays open throughout.
    let done = false;
    const all = Promise.all(answers).finally(() => (done = true));
    while (!done) {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await all).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(most).toBe(2);
    await stream.body!.cancel();
  });

  it('rejects text() when the connection is cut before the whole body arrived', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('content-length', '100');
      res.write('partial');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const res = await createTransport()({ method: 'GET', url: `${url}/cut`, headers: {} });
    await expect(res.text()).rejects.toThrow();
  });
});
