import { describe, expect, it } from 'vitest';
import type { Taint } from 'kubernetes-types/core/v1';
import { nodeShouldRunDaemonPod } from './should-run';
import { daemonSet, node } from './fixtures';

const run = { shouldRun: true, shouldContinueRunning: true };
const stay = { shouldRun: false, shouldContinueRunning: true };
const neither = { shouldRun: false, shouldContinueRunning: false };
const tainted = (...taints: Taint[]) => node('w1', { taints });

describe('nodeShouldRunDaemonPod', () => {
  it('runs on a plain node', () => {
    expect(nodeShouldRunDaemonPod(node('w1'), daemonSet())).toEqual(run);
  });

  it('honours nodeSelector and required node affinity', () => {
    const ssd = daemonSet({ spec: { nodeSelector: { disk: 'ssd' } } });
    expect(nodeShouldRunDaemonPod(node('w1', { labels: { disk: 'ssd' } }), ssd)).toEqual(run);
    expect(nodeShouldRunDaemonPod(node('w1', { labels: { disk: 'hdd' } }), ssd)).toEqual(neither);
    const onlyW2 = daemonSet({ spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w2'] }] }] } } } } });
    expect(nodeShouldRunDaemonPod(node('w1'), onlyW2)).toEqual(neither);
    expect(nodeShouldRunDaemonPod(node('w2'), onlyW2)).toEqual(run);
  });

  it('runs only on the node a template nodeName names', () => {
    const pinned = daemonSet({ spec: { nodeName: 'w2' } });
    expect(nodeShouldRunDaemonPod(node('w1'), pinned)).toEqual(neither);
    expect(nodeShouldRunDaemonPod(node('w2'), pinned)).toEqual(run);
  });

  it('keeps off a node with an untolerated NoSchedule taint but lets a running pod stay', () => {
    const cp: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
    expect(nodeShouldRunDaemonPod(tainted(cp), daemonSet())).toEqual(stay);
    const tolerant = daemonSet({ spec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(nodeShouldRunDaemonPod(tainted(cp), tolerant)).toEqual(run);
  });

  it('leaves a node with an untolerated NoExecute taint entirely, and ignores PreferNoSchedule', () => {
    expect(nodeShouldRunDaemonPod(tainted({ key: 'dedicated', value: 'db', effect: 'NoExecute' }), daemonSet())).toEqual(neither);
    expect(nodeShouldRunDaemonPod(tainted({ key: 'dedicated', value: 'db', effect: 'PreferNoSchedule' }), daemonSet())).toEqual(run);
    const tolerant = daemonSet({ spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoExecute' }] } });
    expect(nodeShouldRunDaemonPod(tainted({ key: 'dedicated', value: 'db', effect: 'NoExecute' }), tolerant)).toEqual(run);
  });

  it('counts the tolerations every daemon pod gets: cordoned, not ready, unreachable and under pressure nodes still run it', () => {
    for (const taint of [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
    ]) {
      expect(nodeShouldRunDaemonPod(tainted(taint), daemonSet())).toEqual(run);
    }
  });

  it('tolerates an unconfigured network only for host-network pods', () => {
    const networkUnavailable = tainted({ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' });
    expect(nodeShouldRunDaemonPod(networkUnavailable, daemonSet())).toEqual(stay);
    expect(nodeShouldRunDaemonPod(networkUnavailable, daemonSet({ spec: { hostNetwork: true } }))).toEqual(run);
  });
});
