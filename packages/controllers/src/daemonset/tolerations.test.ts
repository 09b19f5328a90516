import { describe, expect, it } from 'vitest';
import { daemonPodTolerations, findUntoleratedTaint } from './tolerations';

describe('daemonPodTolerations', () => {
  it('adds the daemon tolerations after the template’s own', () => {
    const out = daemonPodTolerations({ containers: [], tolerations: [{ key: 'gpu', operator: 'Exists' }] });
    expect(out.map((t) => `${t.key}:${t.effect ?? ''}`)).toEqual([
      'gpu:',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  it('replaces a matching toleration in place, dropping its time limit', () => {
    const out = daemonPodTolerations({ containers: [], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] });
    expect(out[0]).toEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' });
    expect(out.filter((t) => t.key === 'node.kubernetes.io/unreachable')).toHaveLength(1);
  });

  it('adds network-unavailable for host-network pods only', () => {
    expect(daemonPodTolerations({ containers: [] }).some((t) => t.key === 'node.kubernetes.io/network-unavailable')).toBe(false);
    expect(daemonPodTolerations({ containers: [], hostNetwork: true }).at(-1)).toEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  });
});

describe('findUntoleratedTaint', () => {
  it('finds the first filtered taint no toleration covers', () => {
    const taints = [
      { key: 'a', effect: 'PreferNoSchedule' },
      { key: 'b', effect: 'NoSchedule' },
      { key: 'c', effect: 'NoSchedule' },
    ];
    const noSchedule = (t: { effect: string }) => t.effect === 'NoSchedule';
    expect(findUntoleratedTaint(taints, [{ key: 'b', operator: 'Exists' }], noSchedule)).toEqual({ key: 'c', effect: 'NoSchedule' });
    expect(findUntoleratedTaint(taints, [{ operator: 'Exists' }], noSchedule)).toBeUndefined();
  });
});
