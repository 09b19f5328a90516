import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { replicaSetPrinter } from './replicaSet';

const now = new Date('2024-05-01T12:00:00Z');

describe('replicaset printer', () => {
  it('declares upstream columns', () => {
    expect(replicaSetPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0', 'Desired:integer:0', 'Current:integer:0', 'Ready:integer:0', 'Age:string:0',
      'Containers:string:1', 'Images:string:1', 'Selector:string:1',
    ]);
  });

  it('prints desired, current and ready replicas and the formatted selector', () => {
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-5d8', creationTimestamp: '2024-05-01T11:00:00Z' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d8' } },
        template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      },
      status: { replicas: 3, readyReplicas: 1 },
    };
    expect(replicaSetPrinter.printRow(rs, now)).toEqual(['web-5d8', 3, 3, 1, '60m', 'nginx', 'nginx', 'app=web,pod-template-hash=5d8']);
  });

  it('prints <none> for an empty selector', () => {
    const rs: KObject = { metadata: { name: 'x' }, spec: { replicas: 0, selector: {}, template: { spec: { containers: [] } } } };
    expect(replicaSetPrinter.printRow(rs, now)).toEqual(['x', 0, 0, 0, '<unknown>', '', '', '<none>']);
  });
});
