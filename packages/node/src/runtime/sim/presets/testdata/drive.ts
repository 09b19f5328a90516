/**
 * Drives one pod through a runtime the way a kubelet would (sandbox, init
 * containers one by one, then the containers), advancing a FakeClock, and
 * records the timeline of what happened: the golden tests compare it.
 */
import type { FakeClock, KObject } from '@mk/api';
import type { ContainerSpec, Runtime } from '../../../types';

/** One thing that happened, and when. */
export interface TimelineEntry {
  /** Milliseconds since the pod was handed to the runtime. */
  at: number;
  what: string;
}

/** The pod to drive and for how long. */
export interface DriveInput {
  pod: KObject;
  /** How long to let the pod run. */
  horizonMs: number;
  /** Stop the sandbox at this time with the pod's grace period (default 30 s). */
  stopAtMs?: number;
}

/** Runs the pod through the runtime and returns its timeline. */
export async function drive(runtime: Runtime, clock: FakeClock, input: DriveInput): Promise<TimelineEntry[]> {
  const start = clock.now().getTime();
  const timeline: TimelineEntry[] = [];
  const log = (what: string) => timeline.push({ at: clock.now().getTime() - start, what });
  const names = new Map<string, string>();
  const exitWaiters = new Map<string, () => void>();
  runtime.onEvent(async (e) => {
    const status = await runtime.containerStatus(e.containerId);
    log(`${e.type} ${names.get(e.containerId)} exitCode=${status?.exitCode} reason=${status?.reason}`);
    exitWaiters.get(e.containerId)?.();
  });
  const spec = input.pod.spec as { initContainers?: ContainerSpec[]; containers: ContainerSpec[]; terminationGracePeriodSeconds?: number };

  const runOne = async (sandboxId: string, c: ContainerSpec): Promise<string | undefined> => {
    try {
      await runtime.pullImage(c.image, input.pod);
      log(`pulled ${c.image}`);
    } catch (e) {
      log(`pull failed ${c.image}: ${(e as Error).message}`);
      return undefined;
    }
    const id = await runtime.createContainer(sandboxId, c, input.pod);
    names.set(id, c.name);
    try {
      await runtime.startContainer(id);
      log(`started ${c.name}`);
    } catch (e) {
      log(`start failed ${c.name}: ${(e as Error).message}`);
      return undefined;
    }
    return id;
  };

  const script = async () => {
    const sandbox = await runtime.runPodSandbox(input.pod);
    log(`sandbox ${sandbox.podIP}`);
    for (const c of spec.initContainers ?? []) {
      const id = await runOne(sandbox.id, c);
      if (!id) return;
      const status = await runtime.containerStatus(id);
      if (status?.state === 'running') await new Promise<void>((resolve) => exitWaiters.set(id, resolve));
      if ((await runtime.containerStatus(id))?.exitCode !== 0) return;
    }
    for (const c of spec.containers) await runOne(sandbox.id, c);
    if (input.stopAtMs !== undefined) {
      await clock.sleep(Math.max(0, input.stopAtMs - (clock.now().getTime() - start)));
      log('stop sandbox');
      const grace = spec.terminationGracePeriodSeconds ?? 30;
      const stopOne = async (id: string) => {
        await runtime.stopContainer(id, grace);
        const s = await runtime.containerStatus(id);
        log(`stopped ${names.get(id)} exitCode=${s?.exitCode} reason=${s?.reason}`);
      };
      await Promise.all([...names.keys()].map(stopOne));
      await runtime.stopPodSandbox(sandbox.id, grace);
    }
  };
  let failure: unknown;
  // A pod whose init container never ends keeps the script waiting past the horizon: that is a result, not a hang.
  void script().catch((e) => (failure = e));
  // Let the steps that take no time run before the clock jumps.
  await new Promise((resolve) => setImmediate(resolve));
  await clock.advance(input.horizonMs);
  if (failure) throw failure;
  return timeline;
}

/** A pod as the API server stores it, with just what the runtime looks at. */
export function simPod(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, ...metadata }, spec };
}
