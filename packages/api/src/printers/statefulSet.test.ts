import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { statefulSetPrinter } from './statefulSet';

const now = new Date('2024-05-01T12:00:00Z');

describe('statefulset printer', () => {
  it('declares upstream columns', () => {
    expect(statefulSetPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Ready:0', 'Age:0', 'Containers:1', 'Images:1']);
  });

  it('prints READY as ready/replicas', () => {
    const sts: KObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', creationTimestamp: '2024-04-28T12:00:00Z' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } } },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(statefulSetPrinter.printRow(sts, now)).toEqual(['db', '1/3', '3d', 'pg', 'postgres:16']);
  });
});
