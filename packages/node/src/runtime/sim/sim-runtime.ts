/**
 * The simulated runtime: no processes; sandboxes and containers are records
 * whose lifecycle steps (pull, start, run, stop) take the time and end the way
 * the profile's stages say. Deterministic under a seeded random and a FakeClock.
 */
import { randomBytes } from 'node:crypto';
import { realClock, type Clock, type KObject, type TimerHandle } from '@mk/api';
import { parseImageRef } from '../image-ref';
import { createPodIPAllocator } from '../pod-ips';
import {
  ContainerStartError,
  ImagePullError,
  type ContainerSpec,
  type ContainerStatus,
  type ImageInfo,
  type Runtime,
  type RuntimeEvent,
  type SandboxInfo,
  type SandboxStatus,
} from '../types';
import { annotationOverrides } from './annotations';
import { chooseStage, type ChosenStage } from './choose';
import { applyFailures } from './failures';
import { createIdGenerator, simImageID, simImageSize } from './ids';
import { simPresets, type SimPresetName } from './presets';
import type { SimFailures, SimProfile, SimStep, StopEffect } from './profile';
import { exitAfterMs } from './run-duration';
import type { SimTarget } from './selector';

/** How a simulated runtime behaves and where its time and randomness come from. */
export interface SimRuntimeOptions {
  /** The behaviour; or a preset by name (default `fast`). */
  profile?: SimProfile;
  preset?: SimPresetName;
  /** Failure injection added to the profile as weighted stages. */
  failures?: SimFailures;
  clock?: Clock;
  /** Source of randomness for weights and jitter (default Math.random); pass seededRandom(n) for reproducible runs. */
  random?: () => number;
  /** The node's pod CIDR the sandboxes get their IPs from (default 10.244.0.0/24; give each node its own). */
  podCIDR?: string;
  /** Salt of the generated sandbox and container IDs (default random). */
  idSalt?: string;
}

interface SimSandbox {
  id: string;
  pod: Readonly<KObject>;
  podIP: string;
  state: 'ready' | 'notready';
  createdAt: string;
}

interface SimContainer {
  status: ContainerStatus;
  sandboxId: string;
  target: SimTarget;
  isInit: boolean;
  exitTimer?: TimerHandle;
  stopping?: Promise<void>;
}

/** Version shown as the node's CONTAINER-RUNTIME, `sim://0.1.0`. */
export const SIM_RUNTIME_VERSION = '0.1.0';

const podSpec = (pod: Readonly<KObject>) => (pod.spec ?? {}) as { initContainers?: ContainerSpec[]; containers?: ContainerSpec[]; hostNetwork?: boolean };
const meta = (pod: Readonly<KObject>) => pod.metadata ?? {};

function targetOf(spec: ContainerSpec, pod: Readonly<KObject>): SimTarget {
  const command = [...((spec.command as string[] | undefined) ?? []), ...((spec.args as string[] | undefined) ?? [])];
  return {
    image: spec.image,
    containerName: spec.name,
    podLabels: meta(pod).labels ?? {},
    podAnnotations: meta(pod).annotations ?? {},
    commandLine: command,
  };
}

class SimRuntime implements Runtime {
  readonly name = 'sim';
  readonly version = SIM_RUNTIME_VERSION;
  private readonly profile: SimProfile;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly nextId: (kind: string) => string;
  private readonly ips;
  private readonly sandboxes = new Map<string, SimSandbox>();
  private readonly containers = new Map<string, SimContainer>();
  private readonly images = new Map<string, ImageInfo>();
  private readonly handlers: ((event: RuntimeEvent) => void)[] = [];
  /** Bumped by killAll: steps still waiting when the power went out never complete. */
  private epoch = 0;

  constructor(opts: SimRuntimeOptions) {
    const base = opts.profile ?? simPresets[opts.preset ?? 'fast'];
    if (!base) throw new Error(`unknown simulated runtime preset "${opts.preset}"`);
    this.profile = applyFailures(base, opts.failures);
    this.clock = opts.clock ?? realClock;
    this.random = opts.random ?? Math.random;
    this.nextId = createIdGenerator(opts.idSalt ?? randomBytes(8).toString('hex'));
    this.ips = createPodIPAllocator(opts.podCIDR ?? '10.244.0.0/24');
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private choose(step: SimStep, target: SimTarget, isInit: boolean): ChosenStage | undefined {
    const overrides = annotationOverrides(target.podAnnotations, target.image, isInit);
    return chooseStage(this.profile.stages, overrides, step, target, this.random);
  }

  /** Waits the step's delay; throws if the node lost power meanwhile. */
  private async wait(ms: number): Promise<void> {
    const epoch = this.epoch;
    if (ms > 0) await this.clock.sleep(ms);
    if (epoch !== this.epoch) throw new Error('the simulated node was powered off');
  }

  private emit(event: RuntimeEvent): void {
    for (const handler of this.handlers) handler(event);
  }

  async runPodSandbox(pod: Readonly<KObject>): Promise<SandboxInfo> {
    const id = this.nextId('sandbox');
    // hostNetwork pods share the node's address; the agent reports the host IP.
    const podIP = podSpec(pod).hostNetwork ? '' : this.ips.allocate();
    this.sandboxes.set(id, { id, pod, podIP, state: 'ready', createdAt: this.now() });
    return { id, podIP };
  }

  async podSandboxStatus(sandboxId: string): Promise<SandboxStatus | undefined> {
    const s = this.sandboxes.get(sandboxId);
    return s && { id: s.id, state: s.state, podIP: s.podIP, createdAt: s.createdAt };
  }

  async stopPodSandbox(sandboxId: string, gracePeriodSeconds: number): Promise<void> {
    const ids = [...this.containers.entries()].filter(([, c]) => c.sandboxId === sandboxId).map(([id]) => id);
    await Promise.all(ids.map((id) => this.stopContainer(id, gracePeriodSeconds)));
    const sandbox = this.sandboxes.get(sandboxId);
    if (sandbox) sandbox.state = 'notready';
  }

  async removePodSandbox(sandboxId: string): Promise<void> {
    for (const [id, c] of this.containers) {
      if (c.sandboxId !== sandboxId) continue;
      c.exitTimer?.cancel();
      this.containers.delete(id);
    }
    const sandbox = this.sandboxes.get(sandboxId);
    if (sandbox?.podIP) this.ips.release(sandbox.podIP);
    this.sandboxes.delete(sandboxId);
  }

  async imageStatus(image: string): Promise<ImageInfo | undefined> {
    const info = this.images.get(parseImageRef(image).normalized);
    return info && { ...info };
  }

  async pullImage(image: string, pod: Readonly<KObject>): Promise<string> {
    const spec = podSpec(pod);
    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    const container = containers.find((c) => c.image === image) ?? { name: '', image };
    const isInit = (spec.initContainers ?? []).includes(container);
    const chosen = this.choose('pull', targetOf(container, pod), isInit);
    await this.wait(chosen?.delayMs ?? 0);
    const effect = chosen && 'pull' in chosen.stage.effect ? chosen.stage.effect.pull : 'ok';
    const ref = parseImageRef(image);
    if (effect !== 'ok') throw new ImagePullError(image, effect.fail.replaceAll('{image}', ref.normalized));
    const info = { id: simImageID(image), sizeBytes: simImageSize(image) };
    this.images.set(ref.normalized, info);
    return info.id;
  }

  async createContainer(sandboxId: string, spec: ContainerSpec, pod: Readonly<KObject>): Promise<string> {
    const sandbox = this.sandboxes.get(sandboxId);
    if (!sandbox || sandbox.state !== 'ready') throw new ContainerStartError('CreateContainerError', `sandbox ${sandboxId} is not ready`);
    const image = parseImageRef(spec.image).normalized;
    const imageID = this.images.get(image)?.id ?? simImageID(spec.image);
    const id = this.nextId('container');
    const isInit = (podSpec(pod).initContainers ?? []).some((c) => c.name === spec.name);
    const status: ContainerStatus = { id, name: spec.name, state: 'created', createdAt: this.now(), image, imageID };
    this.containers.set(id, { status, sandboxId, target: targetOf(spec, pod), isInit });
    return id;
  }

  async startContainer(containerId: string): Promise<void> {
    const c = this.mustGet(containerId);
    const chosen = this.choose('start', c.target, c.isInit);
    await this.wait(chosen?.delayMs ?? 0);
    const effect = chosen && 'start' in chosen.stage.effect ? chosen.stage.effect.start : 'ok';
    if (effect !== 'ok') {
      const message = effect.fail.replaceAll('{image}', c.status.image);
      Object.assign(c.status, { state: 'exited', exitCode: 128, reason: 'StartError', message, finishedAt: this.now() });
      throw new ContainerStartError('RunContainerError', message);
    }
    Object.assign(c.status, { state: 'running', startedAt: this.now() });
    this.scheduleExit(c);
  }

  /** A container whose run stage says it exits: its exit is reported as the runtime's own event. */
  private scheduleExit(c: SimContainer): void {
    const chosen = this.choose('run', c.target, c.isInit);
    const run = chosen && 'run' in chosen.stage.effect ? chosen.stage.effect.run : 'forever';
    if (run === 'forever') return;
    const after = exitAfterMs(run, c.target.commandLine, chosen?.delayMs ?? 0) ?? 0;
    c.exitTimer = this.clock.setTimeout(() => {
      if (c.status.state !== 'running') return;
      this.exit(c, run.exit);
      this.emit({ containerId: c.status.id, sandboxId: c.sandboxId, type: 'exited' });
    }, after);
  }

  private exit(c: SimContainer, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): void {
    c.exitTimer?.cancel();
    Object.assign(c.status, { state: 'exited', exitCode, reason, finishedAt: this.now() });
  }

  stopContainer(containerId: string, gracePeriodSeconds: number): Promise<void> {
    const c = this.containers.get(containerId);
    if (!c || c.status.state !== 'running') return c?.stopping ?? Promise.resolve();
    c.stopping ??= this.stop(c, gracePeriodSeconds);
    return c.stopping;
  }

  /** SIGTERM, then SIGKILL when the grace period ends before the container stopped on its own. */
  private async stop(c: SimContainer, gracePeriodSeconds: number): Promise<void> {
    c.exitTimer?.cancel();
    const chosen = this.choose('stop', c.target, c.isInit);
    const effect: StopEffect = chosen && 'stop' in chosen.stage.effect ? chosen.stage.effect.stop : { afterMs: 0 };
    const graceMs = Math.max(0, gracePeriodSeconds) * 1000;
    const stopsAfter = effect === 'ignoreSigterm' ? Infinity : effect.afterMs + (chosen?.delayMs ?? 0);
    const killed = stopsAfter > graceMs;
    const epoch = this.epoch;
    const ms = killed ? graceMs : stopsAfter;
    if (ms > 0) await this.clock.sleep(ms);
    c.stopping = undefined;
    if (epoch !== this.epoch || c.status.state !== 'running') return;
    // SIGKILL: exit code 128 + 9.
    if (killed) this.exit(c, 137, 'Error');
    else this.exit(c, effect !== 'ignoreSigterm' ? (effect.exitCode ?? 0) : 0);
  }

  async removeContainer(containerId: string): Promise<void> {
    this.containers.get(containerId)?.exitTimer?.cancel();
    this.containers.delete(containerId);
  }

  async containerStatus(containerId: string): Promise<ContainerStatus | undefined> {
    const c = this.containers.get(containerId);
    return c && { ...c.status };
  }

  onEvent(handler: (event: RuntimeEvent) => void): void {
    this.handlers.push(handler);
  }

  async killAll(): Promise<void> {
    this.epoch++;
    for (const c of this.containers.values()) {
      c.stopping = undefined;
      // What containerd reports for containers that died with the machine.
      if (c.status.state === 'running' || c.status.state === 'created') this.exit(c, 255, 'Unknown');
    }
    for (const s of this.sandboxes.values()) s.state = 'notready';
  }

  private mustGet(containerId: string): SimContainer {
    const c = this.containers.get(containerId);
    if (!c) throw new ContainerStartError('RunContainerError', `container ${containerId} does not exist`);
    return c;
  }
}

/** A simulated runtime with the given profile (or preset), clock and randomness. */
export function createSimRuntime(opts: SimRuntimeOptions = {}): Runtime {
  return new SimRuntime(opts);
}
