/**
 * Evicting (or deleting) the pods a drain removes, then waiting until they are
 * gone — kubectl's drain.Helper.evictPods / deletePods with its messages:
 * evictions blocked by a PodDisruptionBudget (429) are retried after 5 s.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isApiError, isNotFound, type ApiClient, type ApiError } from '@mk/client';
import type { DryRunStrategy } from '../../mutate/dry-run';
import { formatGoDuration } from '../go-duration';

/** How pods are removed. */
export interface RemovalOptions {
  /** Seconds each pod gets to terminate; negative = the pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number;
  /** --timeout in ms; 0 = wait forever. */
  timeoutMs: number;
  dryRun: DryRunStrategy;
}

/** I/O and time. */
export interface RemovalDeps {
  client: ApiClient;
  out(text: string): void;
  err(text: string): void;
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the epoch. */
  now(): number;
  /** How often a removed pod is checked for being gone (kubectl: 1 s; a local cluster answers faster). */
  pollIntervalMs?: number;
  /** Pause after a refused eviction; kubectl's message says 5s, so keep it. */
  retryDelayMs?: number;
}

const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

const nameOf = (pod: Pod): string => pod.metadata?.name ?? '';
const nsOf = (pod: Pod): string => pod.metadata?.namespace ?? '';

function deleteOptions(opts: RemovalOptions): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (opts.gracePeriodSeconds >= 0) o.gracePeriodSeconds = opts.gracePeriodSeconds;
  if (opts.dryRun === 'server') o.dryRun = ['All'];
  return o;
}

function podPath(pod: Pod, sub = ''): string {
  return `/api/v1/namespaces/${encodeURIComponent(nsOf(pod))}/pods/${encodeURIComponent(nameOf(pod))}${sub}`;
}

const hasCause = (err: ApiError, reason: string): boolean => (err.status.details?.causes ?? []).some((c) => c.reason === reason);
const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A deadline shared by every pod of one drain. */
class Deadline {
  private readonly at: number;
  constructor(private readonly deps: RemovalDeps, readonly timeoutMs: number) {
    this.at = timeoutMs > 0 ? deps.now() + timeoutMs : Infinity;
  }
  passed(): boolean {
    return this.deps.now() >= this.at;
  }
  /** Sleeps for ms, but not past the deadline. */
  sleep(ms: number): Promise<void> {
    return this.deps.sleep(Math.max(0, Math.min(ms, this.at - this.deps.now())));
  }
}

/**
 * evictPods evicts every pod concurrently through the policy/v1 eviction
 * subresource and waits for each to be gone. Returns one message per pod that
 * could not be removed.
 */
export async function evictPods(pods: Pod[], opts: RemovalOptions, deps: RemovalDeps): Promise<string[]> {
  const deadline = new Deadline(deps, opts.timeoutMs);
  const results = await Promise.all(pods.map((pod) => evictOne(pod, opts, deps, deadline)));
  return results.filter((r): r is string => r !== undefined);
}

async function evictOne(pod: Pod, opts: RemovalOptions, deps: RemovalDeps, deadline: Deadline): Promise<string | undefined> {
  const name = nameOf(pod);
  const ns = nsOf(pod);
  for (;;) {
    deps.out(opts.dryRun === 'server' ? `evicting pod ${ns}/${name} (server dry run)\n` : `evicting pod ${ns}/${name}\n`);
    if (deadline.passed()) return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: global timeout reached: ${formatGoDuration(deadline.timeoutMs)}`;
    const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, deleteOptions: deleteOptions(opts) };
    try {
      await deps.client.request('POST', podPath(pod, '/eviction'), { body });
      break;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      if (isApiError(err) && err.status.code === 429) {
        deps.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${errText(err)}\n`);
        await deadline.sleep(deps.retryDelayMs ?? 5_000);
        continue;
      }
      if (isApiError(err) && err.status.code === 403 && hasCause(err, NAMESPACE_TERMINATING_CAUSE)) {
        // The namespace is going away; a pod already deleting will go with it.
        if (pod.metadata?.deletionTimestamp) break;
        deps.err(`error when evicting pod ${JSON.stringify(name)} from terminating namespace ${JSON.stringify(ns)} (will retry after 5s): ${errText(err)}\n`);
        await deadline.sleep(deps.retryDelayMs ?? 5_000);
        continue;
      }
      return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${errText(err)}`;
    }
  }
  if (opts.dryRun === 'server') return undefined;
  const failure = await waitUntilGone([pod], 'evicted', deps, deadline);
  return failure === undefined ? undefined : `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(ns)} to terminate: ${failure}`;
}

/** deletePods is drain without eviction (--disable-eviction, or a server without the subresource): DELETE, then wait. */
export async function deletePods(pods: Pod[], opts: RemovalOptions, deps: RemovalDeps): Promise<string[]> {
  const deadline = new Deadline(deps, opts.timeoutMs);
  for (const pod of pods) {
    try {
      await deps.client.request('DELETE', podPath(pod), { body: deleteOptions(opts) });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  if (opts.dryRun === 'server') return [];
  const failure = await waitUntilGone(pods, 'deleted', deps, deadline);
  return failure === undefined ? [] : [failure];
}

/**
 * waitUntilGone polls each pod until it is gone (or replaced: another UID),
 * printing `pod/x evicted` as each goes; returns the error text if waiting failed.
 */
async function waitUntilGone(pods: Pod[], verb: 'evicted' | 'deleted', deps: RemovalDeps, deadline: Deadline): Promise<string | undefined> {
  let pending = pods;
  for (;;) {
    const still: Pod[] = [];
    for (const pod of pending) {
      try {
        const current = await deps.client.request<Pod>('GET', podPath(pod));
        if (current.metadata?.uid !== pod.metadata?.uid) deps.out(`pod/${nameOf(pod)} ${verb}\n`);
        else still.push(pod);
      } catch (err) {
        if (isNotFound(err)) {
          deps.out(`pod/${nameOf(pod)} ${verb}\n`);
          continue;
        }
        deps.out(`pod/${nameOf(pod)} ${verb === 'evicted' ? 'eviction failed' : 'deletion failed'}\n`);
        return errText(err);
      }
    }
    pending = still;
    if (pending.length === 0) return undefined;
    if (deadline.passed()) return 'context deadline exceeded';
    await deadline.sleep(deps.pollIntervalMs ?? 250);
  }
}

/** The line a client-side dry run prints per pod instead of evicting it. */
export function dryRunEvictionLine(pod: Pod): string {
  return `evicting pod ${nsOf(pod)}/${nameOf(pod)} (dry run)\n`;
}
