/** Finding a free TCP port on the listen address. */
import { createServer } from 'node:net';

/**
 * pickFreePort asks the OS for an unused port on `host`. The port must be known
 * before the API server is built (it is the `kubernetes` Service's targetPort),
 * so it is chosen up front; the race with another process is accepted.
 */
export function pickFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
