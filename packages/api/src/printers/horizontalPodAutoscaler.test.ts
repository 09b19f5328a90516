import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { horizontalPodAutoscalerPrinter } from './horizontalPodAutoscaler';

const now = new Date('2024-05-01T12:00:00Z');

function hpa(apiVersion: string, spec: object, status: object = {}): KObject {
  return {
    apiVersion,
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', creationTimestamp: '2024-05-01T11:00:00Z' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10, ...spec },
    status,
  };
}
const targets = (obj: KObject) => horizontalPodAutoscalerPrinter.printRow(obj, now)[2];
const cpuUtil = (pct?: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: pct } } });

describe('hpa printer', () => {
  it('declares upstream columns', () => {
    expect(horizontalPodAutoscalerPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
  });

  it('prints a v2 HPA before metrics are known', () => {
    expect(horizontalPodAutoscalerPrinter.printRow(hpa('autoscaling/v2', { minReplicas: 1, metrics: [cpuUtil(50)] }), now)).toEqual([
      'web', 'Deployment/web', 'cpu: <unknown>/50%', '1', 10, 0, '60m',
    ]);
  });

  it('prints current utilisation and <unset> MINPODS', () => {
    const h = hpa('autoscaling/v2', { metrics: [cpuUtil(50)] }, { currentReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 72, averageValue: '180m' } } }] });
    expect(horizontalPodAutoscalerPrinter.printRow(h, now)).toEqual(['web', 'Deployment/web', 'cpu: 72%/50%', '<unset>', 10, 3, '60m']);
  });

  it('formats value targets, every metric type, <auto> and + N more...', () => {
    const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1073741824' } } };
    const pods = { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } };
    const objAvg = { type: 'Object', object: { metric: { name: 'hits' }, target: { type: 'AverageValue', averageValue: '10' } } };
    const objVal = { type: 'Object', object: { metric: { name: 'hits' }, target: { type: 'Value', value: '2000m' } } };
    const ext = { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } };
    const extAvg = { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '5' } } };
    const container = { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization' } } };
    const statuses = [
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '536870912' } } },
      { type: 'Pods', pods: { metric: { name: 'qps' }, current: { averageValue: '1500m' } } },
      { type: 'Object', object: { metric: { name: 'hits' }, current: { value: '3', averageValue: '4' } } },
    ];
    const cell = (metrics: object[]) => targets(hpa('autoscaling/v2', { metrics }, { currentMetrics: statuses }));
    expect(cell([memory])).toBe('memory: 536870912/1073741824');
    expect(cell([memory, pods])).toBe('memory: 536870912/1073741824, 1500m/1k');
    expect(cell([memory, pods, objAvg])).toBe('memory: 536870912/1073741824, 1500m/1k + 1 more...');
    expect(targets(hpa('autoscaling/v2', { metrics: [objAvg] }, { currentMetrics: [statuses[2]] }))).toBe('4/10 (avg)');
    expect(targets(hpa('autoscaling/v2', { metrics: [objVal] }, { currentMetrics: [statuses[2]] }))).toBe('3/2');
    expect(targets(hpa('autoscaling/v2', { metrics: [ext, extAvg] }))).toBe('<unknown>/30, <unknown>/5 (avg)');
    expect(targets(hpa('autoscaling/v2', { metrics: [container] }))).toBe('cpu: <unknown>/<auto>');
    expect(targets(hpa('autoscaling/v2', { metrics: [{ type: 'Bogus' }] }))).toBe('<unknown type>');
    expect(targets(hpa('autoscaling/v2', { metrics: [] }))).toBe('<none>');
  });

  it('converts autoscaling/v1 CPU percentages', () => {
    const h = hpa('autoscaling/v1', { minReplicas: 2, targetCPUUtilizationPercentage: 80 }, { currentReplicas: 2, currentCPUUtilizationPercentage: 12 });
    expect(horizontalPodAutoscalerPrinter.printRow(h, now)).toEqual(['web', 'Deployment/web', 'cpu: 12%/80%', '2', 10, 2, '60m']);
    expect(targets(hpa('autoscaling/v1', { minReplicas: 1 }))).toBe('<none>');
  });
});
