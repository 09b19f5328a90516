/** Where the daemon bundle is: dist/daemon.js, next to the running dist/mk.js. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError } from '../context';

/**
 * daemonBundlePath resolves daemon.js beside this bundle (import.meta.url is
 * dist/mk.js once built). The CLI never imports @mk/daemon itself: the daemon
 * (Fastify, SQLite) loads only in the process that serves.
 */
export function daemonBundlePath(metaUrl: string = import.meta.url): string {
  const path = fileURLToPath(new URL('./daemon.js', metaUrl));
  if (!existsSync(path)) throw new CliError(`cannot find the mk daemon at ${path}; build it with "npm run build"`);
  return path;
}
