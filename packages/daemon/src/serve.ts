/**
 * Bringing the API server up over TLS on its port, and down again.
 *
 * kubectl sends the bearer token only over TLS (clientcmd drops credentials
 * for http:// servers), so the daemon terminates TLS itself and hands each
 * decrypted connection to the Fastify app's HTTP server, which accepts any
 * Duplex through its documented 'connection' event. Upgrades (exec) work the same way.
 */
import { createServer as createTlsServer, type Server as TlsServer, type TLSSocket } from 'node:tls';
import { createApiServer } from '@mk/apiserver';
import { readClusterSettings, type ClusterPaths } from '@mk/client';
import { openSqliteStore, type Store } from '@mk/store';
import { loadOrCreateToken } from './cluster-dir';
import { pickFreePort } from './free-port';
import type { ClusterTls } from './tls/cluster-tls';

/** A listening API server over its open store. */
export interface Serving {
  port: number;
  token: string;
  store: Store;
  /** Stops accepting, drops open connections (watches), closes the app and the store. */
  close(): Promise<void>;
}

/**
 * startServing listens on `port`, else the port of the last run, else a free
 * one (0 counts as unset). A port in use is reported in words the user can act on.
 */
export async function startServing(paths: ClusterPaths, host: string, requestedPort: number | undefined, tls: ClusterTls, now: () => Date): Promise<Serving> {
  const token = loadOrCreateToken(paths);
  const port = requestedPort || readClusterSettings(paths).port || (await pickFreePort(host));
  const store = openSqliteStore(paths.stateDb);
  let app: Awaited<ReturnType<typeof createApiServer>> | undefined;
  let listener: TlsServer | undefined;
  // The HTTP server never listens, so it does not track connections; the TLS side does.
  const sockets = new Set<TLSSocket>();
  const close = async (): Promise<void> => {
    // Stop accepting first; the TLS server's close completes only once its
    // connections (watches, keep-alives) are gone, so end them.
    const stopped = new Promise<void>((resolve) => (listener?.listening ? listener.close(() => resolve()) : resolve()));
    for (const socket of sockets) socket.destroy();
    await stopped;
    await app?.close();
    await store.close();
  };
  try {
    app = await createApiServer({ store, token, apiPort: port, now });
    await app.ready();
    const http = app.server;
    listener = createTlsServer({ key: tls.serving.keyPem, cert: tls.serving.certPem }, (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      http.emit('connection', socket);
    });
    await listen(listener, port, host);
    return { port, token, store, close };
  } catch (err) {
    await close().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} on ${host} is already in use; choose another with --port`);
    }
    throw err;
  }
}

function listen(server: TlsServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
