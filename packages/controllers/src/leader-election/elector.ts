/**
 * Leader election through a coordination.k8s.io Lease, as client-go's
 * leaderelection with a LeaseLock: candidates try every retry period; the
 * leader renews every retry period and gives up leading when it could not
 * renew for the renew deadline. Every write is a compare-and-swap on the
 * Lease's resourceVersion, so two candidates can never both win.
 */
import type { Clock } from '@mk/api';
import { isAlreadyExists, isConflict, isNotFound, type ApiClient } from '@mk/client';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { decideLease, recordOf, type Observation } from './lease-decision';

export interface LeaderElectionOptions {
  /** Who we are in holderIdentity (upstream: `<hostname>_<uuid>`). */
  identity: string;
  /** The Lease (upstream kube-controller-manager: kube-system/kube-controller-manager). */
  namespace?: string;
  name?: string;
  /** Upstream defaults: 15 s, 10 s, 2 s. */
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
}

export interface LeaderElector {
  readonly identity: string;
  /** Tries until it leads (true) or stop() is called (false). */
  acquire(): Promise<boolean>;
  /** One acquisition attempt: true if we lead afterwards. */
  tryAcquireOnce(): Promise<boolean>;
  /** Renews until renewals fail for the renew deadline ('lost') or stop() is called ('stopped'). */
  holdUntilLost(): Promise<'lost' | 'stopped'>;
  /** Ends the loops (acquire resolves false, holdUntilLost 'stopped'). */
  stop(): void;
  /** When leading, releases the lease so a standby takes over at once (call after the work it guarded stopped). */
  release(): Promise<void>;
}

export const DEFAULT_LEASE_NAMESPACE = 'kube-system';
export const DEFAULT_LEASE_NAME = 'kube-controller-manager';

export function createLeaderElector(client: ApiClient, clock: Clock, opts: LeaderElectionOptions, log: (m: string) => void = () => undefined): LeaderElector {
  const namespace = opts.namespace ?? DEFAULT_LEASE_NAMESPACE;
  const name = opts.name ?? DEFAULT_LEASE_NAME;
  const leaseDurationMs = opts.leaseDurationMs ?? 15_000;
  const renewDeadlineMs = opts.renewDeadlineMs ?? 10_000;
  const retryPeriodMs = opts.retryPeriodMs ?? 2_000;
  const path = (n?: string) => client.path({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespace, name: n });
  let observed: Observation | undefined;
  let leading = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  let lastHolder: string | undefined;

  /** Sleeps for the retry period unless stop() comes first. */
  const pause = () =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const t = clock.setTimeout(() => {
        wake = undefined;
        resolve();
      }, retryPeriodMs);
      wake = () => {
        t.cancel();
        resolve();
      };
    });

  async function attempt(): Promise<boolean> {
    let lease: Lease | undefined;
    try {
      lease = await client.request<Lease>('GET', path(name));
    } catch (err) {
      if (!isNotFound(err)) {
        log(`error retrieving resource lock ${namespace}/${name}: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      }
    }
    const now = clock.now();
    if (lease && (!observed || observed.record !== recordOf(lease.spec))) observed = { record: recordOf(lease.spec), at: now.getTime() };
    const decision = decideLease(lease, observed, opts.identity, now, Math.round(leaseDurationMs / 1000));
    if (decision.action === 'wait') {
      if (decision.holder !== lastHolder) log(`the lease ${namespace}/${name} is held by ${decision.holder}; standing by`);
      lastHolder = decision.holder;
      return false;
    }
    try {
      const written =
        decision.action === 'create'
          ? await client.request<Lease>('POST', path(), { body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace }, spec: decision.spec } })
          : await client.request<Lease>('PUT', path(name), { body: { ...lease, spec: decision.spec } });
      observed = { record: recordOf(written.spec), at: clock.now().getTime() };
      lastHolder = opts.identity;
      return true;
    } catch (err) {
      // Someone else wrote first: they won this round.
      if (isConflict(err) || isAlreadyExists(err)) return false;
      log(`failed to update lock ${namespace}/${name}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  return {
    identity: opts.identity,
    async tryAcquireOnce() {
      if (stopped) return false;
      leading = await attempt();
      if (leading) log(`successfully acquired lease ${namespace}/${name}`);
      return leading;
    },
    async acquire() {
      log(`attempting to acquire leader lease ${namespace}/${name}...`);
      while (!stopped) {
        if (await this.tryAcquireOnce()) return true;
        await pause();
      }
      return false;
    },
    async holdUntilLost() {
      let lastRenew = clock.now().getTime();
      while (!stopped) {
        await pause();
        if (stopped) break;
        if (await attempt()) {
          lastRenew = clock.now().getTime();
          continue;
        }
        if (clock.now().getTime() - lastRenew >= renewDeadlineMs) {
          leading = false;
          log(`failed to renew lease ${namespace}/${name}: timed out waiting for the condition`);
          return 'lost';
        }
      }
      return 'stopped';
    },
    stop() {
      stopped = true;
      wake?.();
    },
    async release() {
      if (!leading) return;
      leading = false;
      // Release as client-go's ReleaseOnCancel: an empty holder with a 1 s duration lets a standby take over now.
      try {
        const lease = await client.request<Lease>('GET', path(name));
        if (lease.spec?.holderIdentity !== opts.identity) return;
        await client.request('PUT', path(name), { body: { ...lease, spec: { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1 } } });
      } catch {
        // The lease expires on its own if it cannot be released.
      }
    },
  };
}
