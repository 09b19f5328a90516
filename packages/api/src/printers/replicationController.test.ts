import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { replicationControllerPrinter } from './replicationController';

const now = new Date('2024-05-01T12:00:00Z');

describe('replicationcontroller printer', () => {
  it('declares upstream columns', () => {
    expect(replicationControllerPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Desired:0', 'Current:0', 'Ready:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });

  it('prints counts and the label-map selector', () => {
    const rc: KObject = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy' },
      spec: { replicas: 2, selector: { app: 'legacy' }, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
      status: { replicas: 2, readyReplicas: 2 },
    };
    expect(replicationControllerPrinter.printRow(rc, now)).toEqual(['legacy', 2, 2, 2, '<unknown>', 'c', 'i', 'app=legacy']);
  });

  it('tolerates a missing template and selector', () => {
    const rc: KObject = { metadata: { name: 'bare' }, spec: { replicas: 1 } };
    expect(replicationControllerPrinter.printRow(rc, now)).toEqual(['bare', 1, 0, 0, '<unknown>', '', '', '<none>']);
  });
});
