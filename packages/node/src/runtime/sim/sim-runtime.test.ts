import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { ContainerStartError, ImagePullError, type RuntimeEvent } from '../types';
import type { SimProfile } from './profile';
import { createSimRuntime } from './sim-runtime';
import { simPod } from './presets/testdata/drive';

const settle = () => new Promise((resolve) => setImmediate(resolve));
const pod = simPod('web', { containers: [{ name: 'web', image: 'nginx' }] });

describe('createSimRuntime', () => {
  it('reports the image as present after a pull, with a containerd-style ID', async () => {
    const runtime = createSimRuntime({ clock: new FakeClock() });
    expect(await runtime.imageStatus('nginx')).toBeUndefined();
    const id = await runtime.pullImage('nginx', pod);
    expect(id).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(await runtime.imageStatus('docker.io/library/nginx:latest')).toEqual({ id, sizeBytes: expect.any(Number) });
    expect(runtime.name).toBe('sim');
  });

  it('fails a pull with ImagePullError and a start with RunContainerError, leaving the container exited 128', async () => {
    const profile: SimProfile = {
      name: 'broken',
      stages: [
        { name: 'no-redis', selector: { images: ['redis'] }, effect: { pull: { fail: 'cannot pull {image}' } } },
        { name: 'no-exec', effect: { start: { fail: 'exec: "nope": executable file not found in $PATH' } } },
      ],
    };
    const runtime = createSimRuntime({ profile, clock: new FakeClock() });
    await expect(runtime.pullImage('redis', pod)).rejects.toEqual(new ImagePullError('redis', 'cannot pull docker.io/library/redis:latest'));
    const sandbox = await runtime.runPodSandbox(pod);
    const id = await runtime.createContainer(sandbox.id, { name: 'web', image: 'nginx' }, pod);
    const err = await runtime.startContainer(id).catch((e) => e);
    expect(err).toBeInstanceOf(ContainerStartError);
    expect(err.reason).toBe('RunContainerError');
    expect(await runtime.containerStatus(id)).toMatchObject({ state: 'exited', exitCode: 128, reason: 'StartError', image: 'docker.io/library/nginx:latest' });
  });

  it('reports containers that exit on their own, not those it was told to stop', async () => {
    const clock = new FakeClock();
    const runtime = createSimRuntime({ clock });
    const events: RuntimeEvent[] = [];
    runtime.onEvent((e) => events.push(e));
    const job = simPod('job', { containers: [{ name: 'a', image: 'busybox', command: ['true'] }, { name: 'b', image: 'nginx' }] });
    const sandbox = await runtime.runPodSandbox(job);
    const a = await runtime.createContainer(sandbox.id, { name: 'a', image: 'busybox', command: ['true'] }, job);
    const b = await runtime.createContainer(sandbox.id, { name: 'b', image: 'nginx' }, job);
    await runtime.startContainer(a);
    await runtime.startContainer(b);
    await clock.advance(500);
    await runtime.stopContainer(b, 30);
    expect(events).toEqual([{ containerId: a, sandboxId: sandbox.id, type: 'exited' }]);
    expect(await runtime.containerStatus(b)).toMatchObject({ state: 'exited', exitCode: 0, reason: 'Completed' });
  });

  it('gives hostNetwork sandboxes no pod IP and frees IPs of removed sandboxes', async () => {
    const runtime = createSimRuntime({ clock: new FakeClock(), podCIDR: '10.9.0.0/24' });
    expect((await runtime.runPodSandbox(simPod('h', { hostNetwork: true, containers: [] }))).podIP).toBe('');
    const first = await runtime.runPodSandbox(pod);
    expect(first.podIP).toBe('10.9.0.2');
    await runtime.removePodSandbox(first.id);
    expect(await runtime.podSandboxStatus(first.id)).toBeUndefined();
  });

  it('on power loss kills every container (exit 255, Unknown), leaves sandboxes not ready and aborts steps under way', async () => {
    const clock = new FakeClock();
    const runtime = createSimRuntime({ preset: 'realistic', clock, random: () => 0.5 });
    const events: RuntimeEvent[] = [];
    runtime.onEvent((e) => events.push(e));
    const sandbox = await runtime.runPodSandbox(pod);
    const pulled = runtime.pullImage('nginx', pod).then(() => 'pulled', (e: Error) => e.message);
    const id = await runtime.createContainer(sandbox.id, { name: 'web', image: 'nginx' }, pod);
    const starting = runtime.startContainer(id);
    await clock.advance(300);
    await starting;
    await runtime.killAll();
    await clock.advance(5000);
    await settle();
    expect(await pulled).toBe('the simulated node was powered off');
    expect(await runtime.containerStatus(id)).toMatchObject({ state: 'exited', exitCode: 255, reason: 'Unknown' });
    expect((await runtime.podSandboxStatus(sandbox.id))?.state).toBe('notready');
    expect(events).toEqual([]);
  });
});
