import { describe, expect, it } from 'vitest';
import { defaultTimings, type FakeClock } from '@mk/api';
import { createSimRuntime } from '../runtime/sim/sim-runtime';
import { PodHarness, storedPod } from './testing/harness';

const fast = (clock: FakeClock) => createSimRuntime({ preset: 'fast', clock, idSalt: 'test' });
const crashing = (exitCode: number, after = '1s') => ({ annotations: { 'sim.mk.io/exit-code': String(exitCode), 'sim.mk.io/exit-after': after } });

describe('restarts', () => {
  it('restarts a crashing container at once, then backs off 10 s, 20 s, 40 s (CrashLoopBackOff)', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('crasher', { containers: [{ name: 'app', image: 'nginx' }] }, crashing(1)));
    await h.advance(80_000);
    expect(h.timeline()).toEqual([
      '0 Running app=running ready r0',
      '1000 Running app=running ready r1 last=Error(1)',
      '2000 Running app=waiting:CrashLoopBackOff r1 last=Error(1)',
      '12000 Running app=running ready r2 last=Error(1)',
      '13000 Running app=waiting:CrashLoopBackOff r2 last=Error(1)',
      '33000 Running app=running ready r3 last=Error(1)',
      '34000 Running app=waiting:CrashLoopBackOff r3 last=Error(1)',
      '74000 Running app=running ready r4 last=Error(1)',
      '75000 Running app=waiting:CrashLoopBackOff r4 last=Error(1)',
    ]);
    const status = h.status('crasher');
    expect(status.containerStatuses![0].state).toEqual({
      waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=app pod=crasher_default(uid-crasher)' },
    });
    expect(status.containerStatuses![0].lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error', startedAt: '2026-01-01T00:01:14Z', finishedAt: '2026-01-01T00:01:15Z' });
    expect(status.conditions!.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    expect(h.eventLines().filter((e) => e.includes('BackOff'))[0]).toBe(
      '2000 Warning BackOff spec.containers{app}: Back-off restarting failed container app in pod crasher_default(uid-crasher)',
    );
  });

  it('caps the back-off at the maximum', async () => {
    const h = new PodHarness(fast, { ...defaultTimings, containerBackoffInitialMs: 1000, containerBackoffMaxMs: 4000 });
    h.add(storedPod('crasher', { containers: [{ name: 'app', image: 'nginx' }] }, crashing(2, '100ms')));
    await h.advance(30_000);
    const starts = h.timeline().filter((l) => l.includes('running')).map((l) => Number(l.split(' ')[0]));
    // Immediate, then 1 s, 2 s, 4 s, 4 s… after each crash.
    expect(starts.slice(0, 7)).toEqual([0, 100, 1200, 3300, 7400, 11500, 15600]);
  });

  it('starts the back-off over for a container that ran longer than twice the maximum', async () => {
    const h = new PodHarness(fast, { ...defaultTimings, containerBackoffInitialMs: 1000, containerBackoffMaxMs: 4000 });
    h.add(storedPod('slow', { containers: [{ name: 'app', image: 'nginx' }] }, crashing(2, '9s')));
    await h.advance(30_000);
    const starts = h.timeline().filter((l) => l.includes('running')).map((l) => Number(l.split(' ')[0]));
    expect(starts).toEqual([0, 9000, 18_000, 27_000]);
    expect(h.timeline().some((l) => l.includes('CrashLoopBackOff'))).toBe(false);
  });

  it('completes a pod whose containers exit 0 under restartPolicy Never (Succeeded, PodCompleted)', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('job', { restartPolicy: 'Never', containers: [{ name: 'hello', image: 'busybox', command: ['sh', '-c', 'echo hello'] }] }));
    await h.advance(10_000);
    expect(h.timeline()).toEqual(['0 Running hello=running ready r0', '500 Succeeded hello=terminated:Completed(0) r0']);
    expect(h.status('job').conditions!.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', ''],
    ]);
  });

  it('fails a pod whose container exits non-zero under Never, and restarts it under OnFailure until it succeeds', async () => {
    const never = new PodHarness(fast);
    never.add(storedPod('once', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] }, crashing(3)));
    await never.advance(30_000);
    expect(never.timeline()).toEqual(['0 Running c=running ready r0', '1000 Failed c=terminated:Error(3) r0']);
    expect(never.status('once').conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });

    const onFailure = new PodHarness(fast);
    onFailure.add(storedPod('retry', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'nginx' }] }, crashing(3)));
    await onFailure.advance(3_000);
    expect(onFailure.timeline()).toEqual([
      '0 Running c=running ready r0',
      '1000 Running c=running ready r1 last=Error(3)',
      '2000 Running c=waiting:CrashLoopBackOff r1 last=Error(3)',
    ]);
    const ok = new PodHarness(fast);
    ok.add(storedPod('done', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'nginx' }] }, crashing(0)));
    await ok.advance(3_000);
    expect(ok.timeline()).toEqual(['0 Running c=running ready r0', '1000 Succeeded c=terminated:Completed(0) r0']);
  });

  it('fails the pod when an init container fails under Never, and backs it off otherwise (Init:CrashLoopBackOff)', async () => {
    const failingInit = { initContainers: [{ name: 'setup', image: 'busybox', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx' }] };
    const profile = (clock: FakeClock) =>
      createSimRuntime({
        clock,
        profile: { name: 'init-fails', stages: [{ name: 'exit-1', selector: { containerNames: ['setup'] }, effect: { run: { exit: 1, afterMs: 100 } } }] },
      });
    const never = new PodHarness(profile);
    never.add(storedPod('p', { ...failingInit, restartPolicy: 'Never' }));
    await never.advance(5000);
    expect(never.timeline()).toEqual([
      '0 Pending init:setup=running r0 app=waiting:PodInitializing r0',
      '100 Failed init:setup=terminated:Error(1) r0 app=waiting:PodInitializing r0',
    ]);
    const always = new PodHarness(profile);
    always.add(storedPod('p', failingInit));
    await always.advance(5000);
    expect(always.timeline()).toEqual([
      '0 Pending init:setup=running r0 app=waiting:PodInitializing r0',
      '100 Pending init:setup=running r1 last=Error(1) app=waiting:PodInitializing r0',
      '200 Pending init:setup=waiting:CrashLoopBackOff r1 last=Error(1) app=waiting:PodInitializing r0',
    ]);
  });
});

describe('a changed image', () => {
  it('stops the container and starts one of the new image, as after `kubectl set image pod/…`', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('web', { containers: [{ name: 'web', image: 'nginx:1.26' }] }));
    await h.settle();
    const pod = h.pods.get('web')!;
    h.update({ ...pod, spec: { ...(pod.spec as object), containers: [{ name: 'web', image: 'nginx:1.27' }] } });
    await h.settle();
    expect(h.timeline()).toEqual(['0 Running web=running ready r0', '0 Running web=running ready r1 last=Completed(0)']);
    expect(h.status('web').containerStatuses![0].image).toBe('docker.io/library/nginx:1.27');
    expect(h.eventLines()).toContain('0 Normal Killing spec.containers{web}: Container web definition changed, will be restarted');
  });
});

describe('start failures', () => {
  it('reports RunContainerError over the StartError, then backs off like a crash', async () => {
    const h = new PodHarness((clock) =>
      createSimRuntime({ clock, profile: { name: 'no-exec', stages: [{ name: 'bad-cmd', effect: { start: { fail: 'exec: "nope": executable file not found in $PATH' } } }] } }),
    );
    h.add(storedPod('broken', { containers: [{ name: 'c', image: 'nginx', command: ['nope'] }] }));
    await h.advance(16_000);
    expect(h.timeline()).toEqual([
      '0 Running c=waiting:RunContainerError r0 last=StartError(128)',
      '5000 Running c=waiting:RunContainerError r1 last=StartError(128)',
      '10000 Running c=waiting:CrashLoopBackOff r1 last=StartError(128)',
      '15000 Running c=waiting:RunContainerError r2 last=StartError(128)',
    ]);
    expect(h.writes[0].status.containerStatuses![0].state!.waiting!.message).toBe('exec: "nope": executable file not found in $PATH');
    expect(h.eventLines()).toContain('0 Warning Failed spec.containers{c}: Error: exec: "nope": executable file not found in $PATH');
  });
});

describe('image pulls', () => {
  it('reports ErrImagePull, then ImagePullBackOff, retrying as the back-off doubles', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('bad', { containers: [{ name: 'app', image: 'nginx:9.9', imagePullPolicy: 'IfNotPresent' }] }, { annotations: { 'sim.mk.io/pull-fail': 'true' } }));
    await h.advance(40_000);
    expect(h.timeline()).toEqual([
      '0 Pending app=waiting:ErrImagePull r0',
      '5000 Pending app=waiting:ImagePullBackOff r0',
      '10000 Pending app=waiting:ErrImagePull r0',
      '15000 Pending app=waiting:ImagePullBackOff r0',
      '30000 Pending app=waiting:ErrImagePull r0',
      '35000 Pending app=waiting:ImagePullBackOff r0',
    ]);
    expect(h.writes[0].status.containerStatuses![0].state!.waiting!.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.9": simulated pull failure',
    );
    expect(h.writes[1].status.containerStatuses![0].state!.waiting!.message).toBe('Back-off pulling image "nginx:9.9"');
    expect(h.eventLines().slice(0, 5)).toEqual([
      '0 Normal Pulling spec.containers{app}: Pulling image "nginx:9.9"',
      '0 Warning Failed spec.containers{app}: Failed to pull image "nginx:9.9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.9": simulated pull failure',
      '0 Warning Failed spec.containers{app}: Error: ErrImagePull',
      '5000 Normal BackOff spec.containers{app}: Back-off pulling image "nginx:9.9"',
      '5000 Warning Failed spec.containers{app}: Error: ImagePullBackOff',
    ]);
  });

  it('does not pull an image that is present under IfNotPresent, and always pulls under Always', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('a', { containers: [{ name: 'a', image: 'redis:7', imagePullPolicy: 'IfNotPresent' }] }));
    await h.settle();
    h.add(storedPod('b', { containers: [{ name: 'b', image: 'redis:7', imagePullPolicy: 'IfNotPresent' }] }));
    h.add(storedPod('c', { containers: [{ name: 'c', image: 'redis:7', imagePullPolicy: 'Always' }] }));
    await h.settle();
    const pulls = h.events.filter((e) => e.reason === 'Pulling' || e.reason === 'Pulled').map((e) => `${e.fieldPath} ${e.reason} ${e.message.split(' in 0s')[0]}`);
    expect(pulls).toEqual([
      'spec.containers{a} Pulling Pulling image "redis:7"',
      'spec.containers{a} Pulled Successfully pulled image "redis:7"',
      'spec.containers{b} Pulled Container image "redis:7" already present on machine',
      'spec.containers{c} Pulling Pulling image "redis:7"',
      'spec.containers{c} Pulled Successfully pulled image "redis:7"',
    ]);
  });

  it('refuses to pull under Never when the image is missing (ErrImageNeverPull)', async () => {
    const h = new PodHarness(fast);
    h.add(storedPod('n', { containers: [{ name: 'n', image: 'local/app:dev', imagePullPolicy: 'Never' }] }));
    await h.settle();
    expect(h.status('n').containerStatuses![0].state).toEqual({
      waiting: { reason: 'ErrImageNeverPull', message: 'Container image "local/app:dev" is not present with pull policy of Never' },
    });
  });
});
