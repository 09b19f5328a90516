/**
 * The HorizontalPodAutoscaler `autoscale` creates. kubectl 1.32 builds an autoscaling/v1 object
 * (targetCPUUtilizationPercentage); mk's API serves autoscaling/v2, so mk builds the v2 object
 * the API server's v1→v2 conversion would store: the CPU target becomes a Resource metric with
 * a Utilization target. Fields are in the order Go serialises the typed structs, and the server
 * applies the same defaults either way (minReplicas 1, CPU 80% when no metric is given).
 */
import type { KObject } from '@mk/api';

/** The HPA's resource type. */
export const HPA_TYPE = { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers' };

/** What autoscale was asked for. */
export interface AutoscalerSpec {
  /** --name, else the target's name. */
  name: string;
  target: { apiVersion: string; kind: string; name: string };
  /** --min; not set unless above zero. */
  min: number;
  max: number;
  /** --cpu-percent; not set when negative. */
  cpuPercent: number;
}

/** Builds the autoscaling/v2 HorizontalPodAutoscaler. */
export function autoscalerObject(s: AutoscalerSpec): KObject {
  const spec: Record<string, unknown> = { scaleTargetRef: { kind: s.target.kind, name: s.target.name, apiVersion: s.target.apiVersion } };
  if (s.min > 0) spec.minReplicas = s.min;
  spec.maxReplicas = s.max;
  if (s.cpuPercent >= 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: s.cpuPercent } } }];
  }
  // creationTimestamp: null is how Go serialises the unset time of a typed object.
  const metadata: Record<string, unknown> = { name: s.name, creationTimestamp: null };
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata,
    spec,
    status: { desiredReplicas: 0 },
  };
}
