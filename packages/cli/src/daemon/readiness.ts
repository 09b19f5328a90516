/** Probing a daemon's /readyz, and polling until a condition holds. */
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterPaths } from '@mk/client';

/** isServerReady is true when GET <url>/readyz answers 200 within a second; https is verified against `caPem`. */
export function isServerReady(url: string, caPem?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    // agent: false: a one-off connection, so the CLI never waits on a kept-alive socket.
    const req = get(`${url}/readyz`, { agent: false, timeout: 1000, ca: caPem }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** clusterCaPem reads the cluster CA the daemon wrote, if any. */
export function clusterCaPem(paths: ClusterPaths): string | undefined {
  try {
    return readFileSync(paths.caCert, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * pollUntil calls `check` every `intervalMs` until it returns a value (not
 * undefined) or `timeoutMs` has passed (then undefined). `check` may throw to stop early.
 */
export async function pollUntil<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, intervalMs = 25, now: () => number = Date.now): Promise<T | undefined> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}
