/** autoscaling/v2 HorizontalPodAutoscaler defaults (SetDefaults_HorizontalPodAutoscaler and its behavior). */
import type { KObject } from '../registry/types';
import { defaultPointer, isObject, objectAt, type JsonObject } from './set-default';

/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80;

function scaleUpRules(): JsonObject {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

// The scale-down window is left unset: the controller's flag supplies it.
function scaleDownRules(): JsonObject {
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
}

function mergeRules(from: unknown, defaults: JsonObject): JsonObject {
  if (!isObject(from)) return defaults;
  for (const k of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) if (from[k] != null) defaults[k] = from[k];
  return defaults;
}

/** minReplicas 1, a CPU 80% utilization metric when none is given, and a filled-in behavior when one is given. */
export function applyHPADefaults(hpa: KObject): void {
  const spec = objectAt(hpa, 'spec');
  defaultPointer(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (isObject(spec.behavior)) {
    spec.behavior.scaleUp = mergeRules(spec.behavior.scaleUp, scaleUpRules());
    spec.behavior.scaleDown = mergeRules(spec.behavior.scaleDown, scaleDownRules());
  }
}
