import { describe, expect, it } from 'vitest';
import type { FakeClock } from '@mk/api';
import { seededRandom } from '../runtime/sim/random';
import { createSimRuntime } from '../runtime/sim/sim-runtime';
import { PodHarness, storedPod } from './testing/harness';

const fast = (clock: FakeClock) => createSimRuntime({ preset: 'fast', clock, idSalt: 'test' });
const realistic = (clock: FakeClock) => createSimRuntime({ preset: 'realistic', clock, random: seededRandom(42), idSalt: 'test' });

describe('a pod bound to the node', () => {
  it('becomes Running in one status write under the fast preset, reported as a kubelet does', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('nginx', { containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] }));
    await h.settle();
    expect(h.timeline()).toEqual(['0 Running nginx=running ready r0']);
    const status = h.status('nginx');
    const cond = (type: string) => status.conditions!.find((c) => c.type === type);
    expect(status.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    // The kubelet sends lastProbeTime: null, which the patch turns into no field at all.
    expect(cond('Ready')).toEqual({ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' });
    expect(status).toMatchObject({
      phase: 'Running',
      hostIP: '127.0.0.10',
      hostIPs: [{ ip: '127.0.0.10' }],
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      startTime: '2026-01-01T00:00:00Z',
      qosClass: 'BestEffort',
    });
    expect(status.containerStatuses).toEqual([
      {
        name: 'nginx',
        state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'docker.io/library/nginx:1.27',
        imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
        containerID: expect.stringMatching(/^sim:\/\/[0-9a-f]{64}$/),
        started: true,
      },
    ]);
    expect(h.eventLines()).toEqual([
      '0 Normal Pulling spec.containers{nginx}: Pulling image "nginx:1.27"',
      expect.stringMatching(/^0 Normal Pulled spec.containers\{nginx\}: Successfully pulled image "nginx:1.27" in 0s \(0s including waiting\)\. Image size: \d+ bytes\.$/),
      '0 Normal Created spec.containers{nginx}: Created container nginx',
      '0 Normal Started spec.containers{nginx}: Started container nginx',
    ]);
  });

  it('shows ContainerCreating while the image is pulled, then Running (realistic preset)', async () => {
    const h = new PodHarness(realistic);
    h.add(storedPod('web', { containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Always' }] }));
    await h.advance(10_000);
    expect(h.timeline()).toEqual(['0 Pending web=waiting:ContainerCreating r0', '1590 Running web=running ready r0']);
    const first = h.writes[0].status;
    expect(first.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(first.containerStatuses![0]).toEqual({ name: 'web', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '', started: false });
    expect(h.eventLines()[1]).toMatch(/Successfully pulled image "nginx" in 1\.401s \(1\.401s including waiting\)/);
    expect(h.status('web').conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime).toBe('2026-01-01T00:00:01Z');
  });

  it('writes nothing when nothing changed', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('nginx', { containers: [{ name: 'nginx', image: 'nginx' }] }));
    await h.settle();
    const pod = h.pods.get('nginx')!;
    h.update({ ...pod, metadata: { ...pod.metadata, labels: { touched: 'yes' } } });
    await h.advance(60_000);
    expect(h.writes).toHaveLength(1);
  });

  it('runs init containers in order before the containers', async () => {
    const h = new PodHarness(fast);
    h.add(
      storedPod('app', {
        initContainers: [
          { name: 'migrate', image: 'busybox', command: ['sh', '-c', 'echo migrate'] },
          { name: 'warm', image: 'busybox', command: ['sleep', '2'] },
        ],
        containers: [{ name: 'app', image: 'nginx' }],
      }),
    );
    await h.advance(5000);
    expect(h.timeline()).toEqual([
      '0 Pending init:migrate=running r0 init:warm=waiting:PodInitializing r0 app=waiting:PodInitializing r0',
      '500 Pending init:migrate=terminated:Completed(0) ready r0 init:warm=running r0 app=waiting:PodInitializing r0',
      '2500 Running init:migrate=terminated:Completed(0) ready r0 init:warm=terminated:Completed(0) ready r0 app=running ready r0',
    ]);
    const initializing = h.writes[0].status.conditions!.find((c) => c.type === 'Initialized');
    expect(initializing).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [migrate warm]' });
    expect(h.status('app').conditions!.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'True' });
  });
});
