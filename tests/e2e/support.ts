/** Small helpers the end-to-end tests share: polling with an upper bound, and commands that must succeed. */
import { expect } from 'vitest';
import type { RunResult } from './harness';

/** Polls `check` until it returns a value; fails with the last observation after `timeoutMs` (an upper bound, not an expectation). */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs a command and expects it to succeed without writing to stderr; returns its stdout. */
export async function ok(result: Promise<RunResult>): Promise<string> {
  const r = await result;
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
