import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { chooseStage } from './choose';
import { applyFailures } from './failures';
import { fastProfile } from './presets';
import { seededRandom } from './random';
import type { SimTarget } from './selector';
import { createSimRuntime } from './sim-runtime';
import { drive, simPod } from './presets/testdata/drive';

const nginx: SimTarget = { image: 'nginx', containerName: 'web', podLabels: {}, podAnnotations: {}, commandLine: [] };
const job: SimTarget = { ...nginx, image: 'busybox', commandLine: ['sh', '-c', 'echo'] };

function share(profile: ReturnType<typeof applyFailures>, step: 'run' | 'pull', target: SimTarget, failed: (name: string) => boolean): number {
  const random = seededRandom(3);
  const n = 2000;
  let hits = 0;
  for (let i = 0; i < n; i++) if (failed(chooseStage(profile.stages, [], step, target, random)!.stage.name)) hits++;
  return hits / n;
}

describe('applyFailures', () => {
  it('crashes the given share of containers, shell jobs included', () => {
    const profile = applyFailures(fastProfile, { crash: { share: 0.2, afterMs: 3000, exitCode: 2 } });
    const crashed = (name: string) => name.endsWith('/crash');
    expect(share(profile, 'run', nginx, crashed)).toBeCloseTo(0.2, 1);
    expect(share(profile, 'run', job, crashed)).toBeCloseTo(0.2, 1);
    const crash = profile.stages.find((s) => s.name === 'run-forever/crash');
    expect(crash?.effect).toEqual({ run: { exit: 2, afterMs: 3000 } });
  });

  it('fails the given share of pulls, only of the listed images when a list is given', () => {
    const all = applyFailures(fastProfile, { imagePullFailure: { share: 0.5 } });
    const failed = (name: string) => name.endsWith('/fail');
    expect(share(all, 'pull', nginx, failed)).toBeCloseTo(0.5, 1);
    const some = applyFailures(fastProfile, { imagePullFailure: { share: 1, images: ['busybox'] } });
    expect(share(some, 'pull', job, failed)).toBe(1);
    expect(share(some, 'pull', nginx, failed)).toBe(0);
  });

  it('leaves the profile alone without failures', () => {
    expect(applyFailures(fastProfile, undefined)).toBe(fastProfile);
  });

  it('gives a reproducible timeline under a seed (golden)', async () => {
    const pod = simPod('web', { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }, { name: 'c', image: 'nginx' }] });
    const clock = new FakeClock();
    const runtime = createSimRuntime({ preset: 'fast', failures: { crash: { share: 0.5, afterMs: 1500 } }, clock, random: seededRandom(42) });
    expect(await drive(runtime, clock, { pod, horizonMs: 10_000 })).toEqual([
      { at: 0, what: 'sandbox 10.244.0.2' },
      { at: 0, what: 'pulled nginx' },
      { at: 0, what: 'started a' },
      { at: 0, what: 'pulled nginx' },
      { at: 0, what: 'started b' },
      { at: 0, what: 'pulled nginx' },
      { at: 0, what: 'started c' },
      { at: 1500, what: 'exited a exitCode=1 reason=Error' },
      { at: 1500, what: 'exited c exitCode=1 reason=Error' },
    ]);
  });
});
