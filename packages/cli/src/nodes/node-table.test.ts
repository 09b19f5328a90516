import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { nodeTableRows } from './node-table';
import { nodesReadiness } from './wait-nodes-ready';
import { insertAfterFirstLine, nodesLine } from './up-cluster';

const now = new Date('2025-01-01T00:10:00Z');
const node = (name: string, ready: string | undefined, extra: Partial<Node['spec']> = {}, labels: Record<string, string> = {}): Node => ({
  metadata: { name, creationTimestamp: '2025-01-01T00:00:00Z', labels },
  spec: extra,
  status: ready ? { conditions: [{ type: 'Ready', status: ready }] } : {},
});
const agent = (name: string, power: 'on' | 'off') => ({ name, power, booted: power === 'on', runtime: 'sim', controlPlane: false, labels: {}, taints: [], capacity: {} });

describe('mk node ls rows', () => {
  it('shows power next to the Kubernetes status, then nodes that joined from elsewhere', () => {
    const rows = nodeTableRows(
      [agent('mk-control-plane', 'on'), agent('mk-worker', 'off'), agent('mk-worker2', 'on')],
      [node('mk-control-plane', 'True', {}, { 'node-role.kubernetes.io/control-plane': '' }), node('mk-worker', 'Unknown', { unschedulable: true }), node('edge-1', 'True')],
      now,
    );
    expect(rows).toEqual([
      ['mk-control-plane', 'on', 'Ready', 'control-plane', '10m'],
      ['mk-worker', 'off', 'NotReady,SchedulingDisabled', '<none>', '10m'],
      ['mk-worker2', 'on', 'NotRegistered', '<none>', '<none>'],
      ['edge-1', 'external', 'Ready', '<none>', '10m'],
    ]);
  });
});

describe('nodesReadiness', () => {
  it('says which awaited nodes are not Ready yet, and why; a Ready left from before a restart does not count', () => {
    const booted = (name: string) => ({ name, booted: true });
    expect(nodesReadiness([booted('a'), booted('b'), booted('c'), booted('d'), { name: 'e', booted: false }], [node('a', 'True'), node('b', 'False'), node('c', undefined), node('e', 'True')])).toEqual({
      ready: ['a'],
      notReady: [
        { name: 'b', state: 'NotReady' },
        { name: 'c', state: 'no Ready condition' },
        { name: 'd', state: 'not registered' },
        { name: 'e', state: 'booting' },
      ],
    });
  });
});

describe("mk up's nodes line", () => {
  it("names the Ready nodes, or says there are none, under mk up's first line", () => {
    expect(nodesLine(['a', 'b'])).toBe('2 nodes Ready: a, b');
    expect(nodesLine(['a'])).toBe('1 node Ready: a');
    expect(nodesLine([])).toBe('No nodes: pods stay Pending until one is added with "mk node add"');
    expect(insertAfterFirstLine('Cluster "mk" is up\nrest\n', '3 nodes Ready')).toBe('Cluster "mk" is up\n3 nodes Ready\nrest\n');
  });
});
