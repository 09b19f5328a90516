import { describe, expect, it } from 'vitest';
import { chooseStage } from './choose';
import type { SimStage } from './profile';
import { seededRandom } from './random';
import type { SimTarget } from './selector';

const target: SimTarget = { image: 'busybox', containerName: 'c', podLabels: {}, podAnnotations: {}, commandLine: ['sleep', '1'] };

describe('chooseStage', () => {
  it('prefers the most specific matching stage of the step', () => {
    const stages: SimStage[] = [
      { name: 'general', effect: { run: 'forever' } },
      { name: 'shell', selector: { images: ['busybox'], hasCommand: true }, effect: { run: { exit: 0, afterMs: 1 } } },
      { name: 'other-image', selector: { images: ['nginx'], hasCommand: true, containerNames: ['c'] }, effect: { run: 'forever' } },
      { name: 'a pull', selector: { images: ['busybox'], hasCommand: true, containerNames: ['c'] }, effect: { pull: 'ok' } },
    ];
    expect(chooseStage(stages, [], 'run', target, Math.random)?.stage.name).toBe('shell');
    expect(chooseStage(stages, [], 'stop', target, Math.random)).toBeUndefined();
  });

  it('draws among equally specific stages by weight, reproducibly under a seed', () => {
    const stages: SimStage[] = [
      { name: 'ok', weight: 3, effect: { pull: 'ok' } },
      { name: 'fail', weight: 1, effect: { pull: { fail: 'x' } } },
    ];
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, () => chooseStage(stages, [], 'pull', target, random)!.stage.name);
    };
    const fails = draw(7).filter((n) => n === 'fail').length;
    expect(fails).toBeGreaterThan(200);
    expect(fails).toBeLessThan(300);
    expect(draw(7)).toEqual(draw(7));
  });

  it('adds jitter below jitterMs to the delay', () => {
    const random = seededRandom(1);
    const delays = Array.from({ length: 200 }, () => chooseStage([{ name: 's', delayMs: 100, jitterMs: 200, effect: { start: 'ok' } }], [], 'start', target, random)!.delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThan(300);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });

  it('lets an override win, timed like the stage it replaces unless it has its own timing', () => {
    const stages: SimStage[] = [{ name: 'pull', delayMs: 700, effect: { pull: 'ok' } }];
    const override: SimStage = { name: 'annotation', effect: { pull: { fail: 'no' } } };
    expect(chooseStage(stages, [override], 'pull', target, Math.random)).toEqual({ stage: override, delayMs: 700 });
    expect(chooseStage(stages, [{ ...override, delayMs: 5 }], 'pull', target, Math.random)?.delayMs).toBe(5);
    expect(chooseStage([], [override], 'pull', target, Math.random)).toEqual({ stage: override, delayMs: 0 });
  });
});
