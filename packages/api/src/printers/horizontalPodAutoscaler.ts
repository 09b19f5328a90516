/**
 * `kubectl get horizontalpodautoscalers` columns (printHorizontalPodAutoscaler).
 * autoscaling/v1 objects are first read as upstream converts them: the CPU
 * percentage target and status become a Resource cpu metric.
 */
import type { HorizontalPodAutoscaler as HpaV2, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { HorizontalPodAutoscaler as HpaV1 } from 'kubernetes-types/autoscaling/v1';
import type { KObject, KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf, quantityCell } from './cells';

const MAX_METRICS = 2;

/** Quantity.String() of an optional *Quantity; Go prints a nil pointer as `<nil>`. */
function q(value: string | number | null | undefined): string {
  return quantityCell(value, '<nil>');
}

/** Metrics and current values in the v2 shape, converting autoscaling/v1 objects. */
function metricsOf(obj: KObject): { specs: MetricSpec[]; statuses: MetricStatus[] } {
  const v2 = obj as HpaV2;
  const v1 = obj as HpaV1;
  if (!obj.apiVersion?.endsWith('/v1') || v2.spec?.metrics) {
    return { specs: v2.spec?.metrics ?? [], statuses: v2.status?.currentMetrics ?? [] };
  }
  const target = v1.spec?.targetCPUUtilizationPercentage;
  const current = v1.status?.currentCPUUtilizationPercentage;
  return {
    specs: target === undefined || target === null ? [] : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }],
    statuses: current === undefined || current === null ? [] : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }],
  };
}

/** One `current/target` entry of formatHPAMetrics. */
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external?.target;
      if (target?.averageValue !== undefined && target.averageValue !== null) {
        const current = status?.external?.current?.averageValue;
        return `${current !== undefined && current !== null ? q(current) : '<unknown>'}/${q(target.averageValue)} (avg)`;
      }
      return `${status?.external ? q(status.external.current?.value) : '<unknown>'}/${q(target?.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? q(status.pods.current?.averageValue) : '<unknown>'}/${q(spec.pods?.target?.averageValue)}`;
    case 'Object': {
      const target = spec.object?.target;
      if (target?.averageValue !== undefined && target.averageValue !== null) {
        const current = status?.object?.current?.averageValue;
        return `${current !== undefined && current !== null ? q(current) : '<unknown>'}/${q(target.averageValue)} (avg)`;
      }
      return `${status?.object ? q(status.object.current?.value) : '<unknown>'}/${q(target?.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const current = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      const name = source?.name ?? '';
      const target = source?.target;
      if (target?.averageValue !== undefined && target.averageValue !== null) {
        return `${name}: ${current ? q(current.current?.averageValue) : '<unknown>'}/${q(target.averageValue)}`;
      }
      const now = current?.current?.averageUtilization;
      const currentText = now !== undefined && now !== null ? `${now}%` : '<unknown>';
      const targetText = target?.averageUtilization !== undefined && target.averageUtilization !== null ? `${target.averageUtilization}%` : '<auto>';
      return `${name}: ${currentText}/${targetText}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: the first two metrics, then `+ N more...`; `<none>` without metrics. */
export function formatHpaMetrics(specs: MetricSpec[], statuses: MetricStatus[]): string {
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  if (list.length > MAX_METRICS) return `${list.slice(0, MAX_METRICS).join(', ')} + ${list.length - MAX_METRICS} more...`;
  return list.join(', ');
}

export const horizontalPodAutoscalerPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Reference', 'string', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    column('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).'),
    column('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    column('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    column('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    const hpa = obj as HpaV2;
    const ref = hpa.spec?.scaleTargetRef;
    const { specs, statuses } = metricsOf(obj);
    const min = hpa.spec?.minReplicas;
    return [
      nameOf(obj),
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHpaMetrics(specs, statuses),
      min === undefined || min === null ? '<unset>' : `${min}`,
      hpa.spec?.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      ageOf(obj, now),
    ];
  },
};
