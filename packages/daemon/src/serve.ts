/**
 * Bringing the API server up over TLS on its port, and down again.
 *
 * kubectl sends the bearer token only over TLS (clientcmd drops credentials
 * for http:// servers), so the daemon terminates TLS itself and hands each
 * decrypted connection to the Fastify app's HTTP server, which accepts any
 * Duplex through its documented 'connection' event. Upgrades (exec) work the same way.
 *
 * The same app also answers plain HTTP on a Unix socket in the cluster's
 * private folder, for the daemon's own components: they are API clients like
 * any other (token required), but loopback TLS made every request and watch
 * event pay for encryption on both ends of one process (docs/benchmarks.md).
 */
import { existsSync, unlinkSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import type { FastifyInstance } from 'fastify';
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
  /** The components' Unix socket, unless its path is too long for one (then they use the TLS port). */
  socketPath?: string;
  /** Stops accepting, drops open connections (watches), closes the app and the store. */
  close(): Promise<void>;
}

/** What the daemon adds to the API server before it listens. */
export interface ServeExtras {
  /** DefaultTolerationSeconds admission (the timings' defaultTolerationSeconds). */
  defaultTolerationSeconds?: number;
  /** Registers extra routes (the node control API); runs before the app is ready, once port and token are known. */
  configure?(app: FastifyInstance, listening: { port: number; token: string; socketPath?: string }): void;
}

/**
 * startServing listens on `port`, else the port of the last run, else a free
 * one (0 counts as unset). A port in use is reported in words the user can act on.
 */
export async function startServing(
  paths: ClusterPaths,
  host: string,
  requestedPort: number | undefined,
  tls: ClusterTls,
  now: () => Date,
  extras: ServeExtras = {},
): Promise<Serving> {
  const token = loadOrCreateToken(paths);
  const port = requestedPort || readClusterSettings(paths).port || (await pickFreePort(host));
  const store = openSqliteStore(paths.stateDb);
  let app: Awaited<ReturnType<typeof createApiServer>> | undefined;
  let listener: TlsServer | undefined;
  let local: NetServer | undefined;
  const socketPath = usableSocketPath(paths.socket);
  // The HTTP server never listens, so it does not track connections; the TLS side does.
  // Raw sockets are tracked too: one still in its TLS handshake when closing starts would
  // otherwise become a kept-alive connection that the listener's close waits for forever.
  const sockets = new Set<Socket>();
  let closing = false;
  const close = async (): Promise<void> => {
    closing = true;
    // Stop accepting first; the TLS server's close completes only once its
    // connections (watches, keep-alives) are gone, so end them.
    const stopped = [listener, local].map((server) => new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve())));
    for (const socket of sockets) socket.destroy();
    await Promise.all(stopped);
    await app?.close();
    await store.close();
  };
  try {
    app = await createApiServer({ store, token, apiPort: port, now, defaultTolerationSeconds: extras.defaultTolerationSeconds });
    extras.configure?.(app, { port, token, socketPath });
    await app.ready();
    const http = app.server;
    const serve = (socket: Socket) => {
      if (closing) return void socket.destroy();
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      http.emit('connection', socket);
    };
    listener = createTlsServer({ key: tls.serving.keyPem, cert: tls.serving.certPem }, serve);
    listener.on('connection', (raw: Socket) => {
      sockets.add(raw);
      raw.once('close', () => sockets.delete(raw));
    });
    await listen(listener, { port, host });
    if (socketPath) {
      // A socket file left by a daemon that was killed would make listen fail; the pid file says none runs.
      if (existsSync(socketPath)) unlinkSync(socketPath);
      local = createNetServer(serve);
      // A thousand node agents open their watches at once when the daemon starts; Node's default backlog (511)
      // overflowed (EAGAIN). The kernel caps it at somaxconn.
      await listen(local, { path: socketPath, backlog: 4096 });
    }
    return { port, token, store, socketPath, close };
  } catch (err) {
    await close().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} on ${host} is already in use; choose another with --port`);
    }
    throw err;
  }
}

/** Longest Unix socket path Linux and macOS accept (sun_path is 108 and 104 bytes, with its terminating NUL). */
const MAX_SOCKET_PATH = 103;

/** The socket path, or undefined when it is too long to bind (a deep MK_HOME): the components then use TLS. */
export function usableSocketPath(path: string): string | undefined {
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : undefined;
}

function listen(server: NetServer, address: { port: number; host: string } | { path: string; backlog: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
