import { describe, expect, it } from 'vitest';
import { defaultTimings, demoTimings } from '@mk/api';
import { defaultNodes, effectiveTimings, nextWorkerName, resolveClusterSpec } from './cluster-spec';

describe('default nodes', () => {
  it("uses kind's names, and makes the first node the (tainted) control plane only when there are workers", () => {
    const three = defaultNodes(3, 'sim');
    expect(three).toEqual([
      { name: 'mk-control-plane', controlPlane: true, runtime: 'sim', podCIDR: '10.244.0.0/24' },
      { name: 'mk-worker', runtime: 'sim', podCIDR: '10.244.1.0/24' },
      { name: 'mk-worker2', runtime: 'sim', podCIDR: '10.244.2.0/24' },
    ]);
    expect(defaultNodes(1, 'sim')).toEqual([{ name: 'mk-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' }, runtime: 'sim', podCIDR: '10.244.0.0/24' }]);
  });

  it('continues worker names after the highest in use', () => {
    expect(nextWorkerName(['mk-control-plane'])).toBe('mk-worker');
    expect(nextWorkerName(['mk-control-plane', 'mk-worker', 'mk-worker2'])).toBe('mk-worker3');
    expect(nextWorkerName(['mk-worker', 'mk-worker7', 'other'])).toBe('mk-worker8');
  });
});

describe('resolveClusterSpec', () => {
  it('creates 3 sim nodes with the default profile for a new cluster', () => {
    const spec = resolveClusterSpec(undefined, {});
    expect(spec).toMatchObject({ runtime: 'sim', profile: 'default', timings: {} });
    expect(spec.nodes).toHaveLength(3);
  });

  it('gives nodes stored without a pod CIDR the lowest free one', () => {
    const nodes = [{ name: 'a', runtime: 'sim' as const, podCIDR: '10.244.0.0/24' }, { name: 'b', runtime: 'sim' as const }];
    expect(resolveClusterSpec({ nodes }, {}).nodes.map((n) => n.podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24']);
  });

  it('takes the node count recorded by mk up, or the request; 0 is an API-only cluster', () => {
    expect(resolveClusterSpec({ nodeCount: 5 }, {}).nodes).toHaveLength(5);
    expect(resolveClusterSpec(undefined, { nodes: 0 }).nodes).toEqual([]);
    expect(resolveClusterSpec({ nodes: [] }, {}).nodes).toEqual([]);
    expect(resolveClusterSpec({ nodeCount: 5 }, { nodes: 2 }).nodes).toHaveLength(2);
  });

  it('keeps stored nodes (added ones included) and refuses a different count', () => {
    const nodes = [...defaultNodes(2, 'sim'), { name: 'gpu', runtime: 'sim' as const, podCIDR: '10.244.7.0/24' }];
    expect(resolveClusterSpec({ nodes }, {}).nodes).toEqual(nodes);
    expect(resolveClusterSpec({ nodes }, { nodes: 3 }).nodes).toEqual(nodes);
    expect(() => resolveClusterSpec({ nodes }, { nodes: 5 })).toThrow(
      'the cluster already has 3 node(s) (mk-control-plane, mk-worker, gpu); add or remove nodes with "mk node add" and "mk node rm"',
    );
  });

  it('merges timing overrides and switches profiles', () => {
    const spec = resolveClusterSpec({ profile: 'demo', timings: { nodeMonitorGracePeriodMs: 3000 } }, { timings: { defaultTolerationSeconds: 2 } });
    expect(spec.timings).toEqual({ nodeMonitorGracePeriodMs: 3000, defaultTolerationSeconds: 2 });
    expect(effectiveTimings(spec)).toEqual({ ...demoTimings, nodeMonitorGracePeriodMs: 3000, defaultTolerationSeconds: 2 });
    expect(effectiveTimings(resolveClusterSpec(undefined, {}))).toEqual(defaultTimings);
  });

  it('refuses runtimes, profiles, counts and timings it cannot run, saying what to use', () => {
    expect(() => resolveClusterSpec(undefined, { runtime: 'process' })).toThrow('runtime "process" is not available yet; use --runtime sim (simulated containers)');
    expect(() => resolveClusterSpec(undefined, { runtime: 'docker' })).toThrow('unknown runtime "docker": use sim');
    expect(() => resolveClusterSpec(undefined, { profile: 'fast' })).toThrow('unknown profile "fast": use default or demo');
    expect(() => resolveClusterSpec(undefined, { nodes: 1001 })).toThrow('invalid node count 1001: use a whole number from 0 to 1000');
    expect(() => resolveClusterSpec({ timings: { bogus: 1 } as never }, {})).toThrow('unknown timing "bogus"');
    expect(() => resolveClusterSpec(undefined, { timings: { leaseDurationSeconds: -1 } })).toThrow('invalid timing leaseDurationSeconds: -1 is not a non-negative number');
  });
});
