import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { podPhase } from './phase';

const running = (name: string): ContainerStatus => ({ name, image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } });
const exited = (name: string, exitCode: number): ContainerStatus => ({ name, image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode } } });
const waiting = (name: string, restarted = false): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: false,
  restartCount: restarted ? 1 : 0,
  state: { waiting: { reason: 'X' } },
  lastState: restarted ? { terminated: { exitCode: 1 } } : {},
});
const spec = (restartPolicy: string, names = ['a', 'b']): PodSpec => ({ restartPolicy, containers: names.map((name) => ({ name })) });

describe('podPhase (the kubelet getPhase)', () => {
  it.each([
    ['Always', [running('a'), waiting('b')], false, 'Pending'],
    ['Always', [running('a'), running('b')], false, 'Running'],
    ['Always', [running('a'), waiting('b', true)], false, 'Running'],
    ['Always', [exited('a', 0), exited('b', 1)], false, 'Running'],
    ['Always', [exited('a', 0), exited('b', 0)], true, 'Succeeded'],
    ['OnFailure', [exited('a', 0), exited('b', 0)], false, 'Succeeded'],
    ['OnFailure', [exited('a', 0), exited('b', 1)], false, 'Running'],
    ['Never', [exited('a', 0), exited('b', 1)], false, 'Failed'],
    ['Never', [running('a')], false, 'Pending'],
  ] as const)('%s %j terminal=%s → %s', (policy, statuses, terminal, phase) => {
    expect(podPhase(spec(policy), [], [...statuses], terminal)).toBe(phase);
  });

  it('is Pending while init containers run, and Failed when one fails under Never', () => {
    const s: PodSpec = { restartPolicy: 'Never', initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] };
    expect(podPhase(s, [running('i')], [waiting('a')], false)).toBe('Pending');
    expect(podPhase(s, [exited('i', 2)], [waiting('a')], false)).toBe('Failed');
    expect(podPhase({ ...s, restartPolicy: 'Always' }, [exited('i', 2)], [waiting('a')], false)).toBe('Pending');
  });
});
