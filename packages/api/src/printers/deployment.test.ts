import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { deploymentPrinter } from './deployment';

const now = new Date('2024-05-01T12:00:00Z');
const template = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'sidecar', image: 'busybox' }] } };

function deploy(spec: object, status: object = {}): KObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', creationTimestamp: '2024-05-01T11:58:00Z' }, spec, status };
}

describe('deployment printer', () => {
  it('declares upstream columns', () => {
    expect(deploymentPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0', 'Ready:string:0', 'Up-to-date:string:0', 'Available:string:0', 'Age:string:0',
      'Containers:string:1', 'Images:string:1', 'Selector:string:1',
    ]);
  });

  it('prints READY as ready/desired and integer counts', () => {
    const d = deploy(
      { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
      { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    );
    expect(deploymentPrinter.printRow(d, now)).toEqual(['web', '2/3', 3, 2, '2m', 'nginx,sidecar', 'nginx:1.27,busybox', 'app=web']);
  });

  it('prints zeros for a fresh deployment and Selector.String() for expressions', () => {
    const d = deploy({
      replicas: 0,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] },
      template,
    });
    expect(deploymentPrinter.printRow(d, now)).toEqual(['web', '0/0', 0, 0, '2m', 'nginx,sidecar', 'nginx:1.27,busybox', 'app=web,tier in (be,fe)']);
  });

  it('prints "" for a missing selector and <invalid> for a broken one', () => {
    expect(deploymentPrinter.printRow(deploy({ replicas: 1, template }), now)[7]).toBe('');
    expect(deploymentPrinter.printRow(deploy({ replicas: 1, template, selector: {} }), now)[7]).toBe('');
    const broken = deploy({ replicas: 1, template, selector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } });
    expect(deploymentPrinter.printRow(broken, now)[7]).toBe('<invalid>');
  });
});
