import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { nodePrinter, nodeRoles } from './node';

const now = new Date('2024-05-01T12:00:00Z');

function node(name: string, extra: { labels?: Record<string, string>; spec?: object; status?: object; created?: string }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: extra.labels, creationTimestamp: extra.created },
    spec: extra.spec ?? {},
    status: extra.status ?? {},
  };
}

describe('node printer', () => {
  it('declares upstream columns', () => {
    expect(nodePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Roles:0', 'Age:0', 'Version:0',
      'Internal-IP:1', 'External-IP:1', 'OS-Image:1', 'Kernel-Version:1', 'Container-Runtime:1',
    ]);
  });

  it('prints a ready control-plane node with all wide cells', () => {
    const n = node('cp', {
      labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'cp' },
      created: '2024-04-01T12:00:00Z',
      status: {
        conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'cp' }],
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24' },
      },
    });
    expect(nodePrinter.printRow(n, now)).toEqual([
      'cp', 'Ready', 'control-plane', '30d', 'v1.32.0', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0', 'containerd://1.7.24',
    ]);
  });

  it.each<[string, object, object, string]>([
    ['no Ready condition', {}, {}, 'Unknown'],
    ['Ready=False', {}, { conditions: [{ type: 'Ready', status: 'False' }] }, 'NotReady'],
    ['Ready=Unknown', {}, { conditions: [{ type: 'Ready', status: 'Unknown' }] }, 'NotReady'],
    ['cordoned', { unschedulable: true }, { conditions: [{ type: 'Ready', status: 'True' }] }, 'Ready,SchedulingDisabled'],
    ['cordoned, no condition', { unschedulable: true }, {}, 'Unknown,SchedulingDisabled'],
  ])('STATUS for %s', (_, spec, status, want) => {
    expect(nodePrinter.printRow(node('n', { spec, status }), now)[1]).toBe(want);
  });

  it('prints <unknown> for missing node info and the first address of each type', () => {
    const n = node('n', {
      status: { addresses: [{ type: 'InternalIP', address: '2.2.2.2' }, { type: 'ExternalIP', address: '3.3.3.3' }, { type: 'InternalIP', address: '4.4.4.4' }] },
    });
    expect(nodePrinter.printRow(n, now)).toEqual(['n', 'Unknown', '<none>', '<unknown>', '', '2.2.2.2', '3.3.3.3', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('nodeRoles', () => {
  it('reads node-role.kubernetes.io/* keys and kubernetes.io/role values, sorted and unique', () => {
    expect(nodeRoles({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': 'true', 'kubernetes.io/role': 'worker' })).toEqual([
      'control-plane',
      'worker',
    ]);
    expect(nodeRoles({ 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' })).toEqual([]);
    expect(nodeRoles(undefined)).toEqual([]);
  });
});
