/**
 * A controller manager that runs its controllers only while it holds the
 * leader Lease, so two managers against one cluster (the daemon's own and an
 * `mk controller-manager`) never both act: the second stands by and takes
 * over when the first stops or dies. Losing the lease stops the controllers
 * and makes this manager a candidate again, with fresh controllers (a manager
 * cannot be restarted, and caches from before are not to be trusted).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { realClock } from '@mk/api';
import { createEventRecorder } from '@mk/client';
import { selectControllers } from './framework/select';
import { createLeaderElector, DEFAULT_LEASE_NAME, DEFAULT_LEASE_NAMESPACE, type LeaderElectionOptions } from './leader-election/elector';
import { createControllerManager, type ControllerManager, type ControllerManagerOptions } from './manager';
import { builtinControllers } from './registry';

export interface LeaderElectedManagerOptions extends ControllerManagerOptions {
  leaderElection?: Partial<LeaderElectionOptions>;
}

/** Upstream's identity: the host name and a unique suffix, so restarts on one host are told apart. */
export function leaderIdentity(): string {
  return `${hostname()}_${randomUUID()}`;
}

export function createLeaderElectedManager(opts: LeaderElectedManagerOptions): ControllerManager {
  const clock = opts.clock ?? realClock;
  const log = opts.log ?? ((m: string) => console.warn(`controller-manager: ${m}`));
  const names = selectControllers(opts.available ?? builtinControllers, opts.controllers ?? ['*']).map((d) => d.name);
  const le = { identity: leaderIdentity(), ...opts.leaderElection };
  const elector = createLeaderElector(opts.client, clock, le, log);
  const recorder = createEventRecorder(opts.client, { component: 'kube-controller-manager', clock, log });
  let loop: Promise<void> | undefined;
  let stopped = false;

  const lead = async (onStarted?: () => void): Promise<'lost' | 'stopped'> => {
    recorder.event(
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: le.namespace ?? DEFAULT_LEASE_NAMESPACE, name: le.name ?? DEFAULT_LEASE_NAME },
      'Normal',
      'LeaderElection',
      `${le.identity} became leader`,
    );
    const manager = createControllerManager(opts);
    try {
      await manager.start();
      onStarted?.();
      return await elector.holdUntilLost();
    } finally {
      await manager.stop();
    }
  };

  /** Stands by and leads, term after term, until stopped; `previous` is how the term before ended, if any. */
  const campaign = async (previous?: 'lost' | 'stopped'): Promise<void> => {
    let outcome = previous;
    while (!stopped && outcome !== 'stopped') {
      if (outcome === 'lost') log('leader election lost; stopping controllers and standing by');
      if (!(await elector.acquire())) return;
      outcome = await lead();
    }
  };

  return {
    controllers: names,
    async start() {
      if (loop) throw new Error('controller manager already started');
      // A first attempt in line, so that a sole manager has its controllers running when start() resolves.
      if (await elector.tryAcquireOnce()) {
        await new Promise<void>((resolve, reject) => {
          loop = lead(resolve).then(campaign);
          loop.catch(reject);
        });
      } else {
        loop = campaign();
      }
      loop!.catch((err) => log(`controller manager failed: ${err instanceof Error ? err.message : String(err)}`));
    },
    async stop() {
      stopped = true;
      elector.stop();
      await loop?.catch(() => undefined);
      await elector.release();
      await Promise.race([recorder.flush(), clock.sleep(2_000)]);
      recorder.stop();
    },
  };
}
