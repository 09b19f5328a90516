import { describe, expect, it } from 'vitest';
import { goJsonStruct } from '../manifests/go-json';
import { autoscalerObject } from './hpa-object';

const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

describe('autoscalerObject', () => {
  it('leaves min and the metric to the server defaults when not given', () => {
    expect(goJsonStruct(autoscalerObject({ name: 'web', target, min: -1, max: 5, cpuPercent: -1 }))).toBe(
      '{"kind":"HorizontalPodAutoscaler","apiVersion":"autoscaling/v2","metadata":{"name":"web","creationTimestamp":null},' +
        '"spec":{"scaleTargetRef":{"kind":"Deployment","name":"web","apiVersion":"apps/v1"},"maxReplicas":5},"status":{"desiredReplicas":0}}',
    );
  });

  it('turns --cpu-percent into a CPU utilization metric, as the v1 to v2 conversion does', () => {
    const hpa = autoscalerObject({ name: 'foo', target, min: 2, max: 10, cpuPercent: 80 });
    expect(hpa.spec).toEqual({
      scaleTargetRef: target,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    expect(hpa.metadata).toEqual({ name: 'foo', creationTimestamp: null });
  });

  it('sets no minimum for --min=0', () => {
    expect(autoscalerObject({ name: 'web', target, min: 0, max: 3, cpuPercent: -1 }).spec).not.toHaveProperty('minReplicas');
  });
});
