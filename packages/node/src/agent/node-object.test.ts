import { describe, expect, it } from 'vitest';
import { defaultNodeIP, nodeCapacity, nodeLabels, nodeTaints } from './node-object';
import { microTime, renewedLease } from './lease';

const host = { operatingSystem: 'linux', architecture: 'arm64', kernelVersion: '6.1', osImage: 'Debian GNU/Linux 12 (bookworm)' };

describe('the registered node', () => {
  it('labels a worker as the kubelet does, and lets the user add labels', () => {
    expect(nodeLabels('w1', host, false, { disk: 'ssd' })).toEqual({
      'beta.kubernetes.io/arch': 'arm64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'arm64',
      'kubernetes.io/hostname': 'w1',
      'kubernetes.io/os': 'linux',
      disk: 'ssd',
    });
    expect(nodeTaints(false)).toEqual([]);
  });

  it('does not repeat the control-plane taint given again', () => {
    const taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
    expect(nodeTaints(true, [taint, { key: 'gpu', effect: 'NoExecute' }])).toEqual([taint, { key: 'gpu', effect: 'NoExecute' }]);
  });

  it('fills the capacity with defaults', () => {
    expect(nodeCapacity({ cpu: '2' })).toEqual({ cpu: '2', 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' });
  });

  it('derives a stable loopback address per node name', () => {
    expect(defaultNodeIP('mk-worker')).toBe(defaultNodeIP('mk-worker'));
    expect(defaultNodeIP('mk-worker')).not.toBe(defaultNodeIP('mk-worker2'));
    expect(defaultNodeIP('mk-worker')).toMatch(/^127\.0\.\d+\.\d+$/);
  });
});

describe('the node lease', () => {
  it('writes renewTime as a MicroTime and keeps what the stored lease has', () => {
    expect(microTime(new Date('2026-01-01T00:00:10.250Z'))).toBe('2026-01-01T00:00:10.250000Z');
    const stored = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'n', namespace: 'kube-node-lease', resourceVersion: '7' }, spec: { leaseTransitions: 1 } };
    const lease = renewedLease({ nodeName: 'n', leaseDurationSeconds: 40, now: new Date('2026-01-01T00:00:10Z'), nodeUID: 'u' }, stored);
    expect(lease.metadata).toEqual({ name: 'n', namespace: 'kube-node-lease', resourceVersion: '7', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u' }] });
    expect(lease.spec).toEqual({ leaseTransitions: 1, holderIdentity: 'n', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:10.000000Z' });
  });
});
