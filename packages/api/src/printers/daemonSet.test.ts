import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { daemonSetPrinter } from './daemonSet';

const now = new Date('2024-05-01T12:00:00Z');

describe('daemonset printer', () => {
  it('declares upstream columns', () => {
    expect(daemonSetPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0', 'Desired:integer:0', 'Current:integer:0', 'Ready:integer:0', 'Up-to-date:integer:0', 'Available:integer:0',
      'Node Selector:string:0', 'Age:string:0', 'Containers:string:1', 'Images:string:1', 'Selector:string:1',
    ]);
  });

  it('prints counts, the node selector and the pod selector', () => {
    const ds: KObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', creationTimestamp: '2024-05-01T06:00:00Z' },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.0' }] } },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    expect(daemonSetPrinter.printRow(ds, now)).toEqual([
      'kube-proxy', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '6h', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.0', 'k8s-app=kube-proxy',
    ]);
  });

  it('prints <none> without a node selector', () => {
    const ds: KObject = { metadata: { name: 'x' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [] } } } };
    expect(daemonSetPrinter.printRow(ds, now)).toEqual(['x', 0, 0, 0, 0, 0, '<none>', '<unknown>', '', '', 'a=b']);
  });
});
