/** DescribePodTemplate: the Pod Template block of workload describers. */
import { describeContainers, type Container } from './containers';
import type { DescribeEnv } from './env';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';
import { describeTopologySpreadConstraints } from './topology';
import { describeVolumes, type Volume } from './volumes';

/** A pod template as workloads embed it. */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: {
    serviceAccountName?: string;
    initContainers?: Container[];
    containers?: Container[];
    volumes?: Volume[];
    topologySpreadConstraints?: unknown[];
    priorityClassName?: string;
    nodeSelector?: Record<string, string>;
    tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[];
  };
}

/** DescribePodTemplate. */
export function describePodTemplate(template: PodTemplate | undefined, w: PrefixWriter, env: DescribeEnv): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, undefined, undefined, w, '  ', env);
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ', env);
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints as never, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
