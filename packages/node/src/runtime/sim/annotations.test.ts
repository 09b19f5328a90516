import { describe, expect, it } from 'vitest';
import { annotationOverrides, parseDelay } from './annotations';
import { sleepMillis } from './run-duration';

describe('per-pod annotations', () => {
  it('read delays as Go durations or milliseconds', () => {
    expect(parseDelay('5s')).toBe(5000);
    expect(parseDelay('1m30s')).toBe(90_000);
    expect(parseDelay('250')).toBe(250);
    expect(parseDelay('soon')).toBeUndefined();
  });

  it('make regular containers exit, not init containers', () => {
    const annotations = { 'sim.mk.io/exit-code': '4', 'sim.mk.io/exit-after': '2s' };
    expect(annotationOverrides(annotations, 'nginx', false).map((s) => s.effect)).toEqual([{ run: { exit: 4, afterMs: 2000 } }]);
    expect(annotationOverrides(annotations, 'nginx', true)).toEqual([]);
    expect(annotationOverrides({ 'sim.mk.io/exit-after': '1s' }, 'nginx', false)[0].effect).toEqual({ run: { exit: 0, afterMs: 1000 } });
  });

  it('fail pulls of every image or of the listed ones', () => {
    expect(annotationOverrides({ 'sim.mk.io/pull-fail': 'true' }, 'nginx', false)).toHaveLength(1);
    expect(annotationOverrides({ 'sim.mk.io/pull-fail': 'redis, nginx' }, 'nginx:1.27', false)).toHaveLength(1);
    expect(annotationOverrides({ 'sim.mk.io/pull-fail': 'redis' }, 'nginx', false)).toHaveLength(0);
  });
});

describe('sleepMillis', () => {
  it('finds the first sleep of a command line', () => {
    expect(sleepMillis(['sleep', '3600'])).toBe(3_600_000);
    expect(sleepMillis(['sh', '-c', 'echo hi; sleep 2.5; echo bye'])).toBe(2500);
    expect(sleepMillis(['sleep', '1m'])).toBe(60_000);
    expect(sleepMillis(['echo', 'hi'])).toBeUndefined();
  });
});
