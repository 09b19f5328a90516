/** `describe statefulset` (describeStatefulSet) with its volume claim templates. */
import type { KObject } from '@mk/api';
import { canonicalQuantity } from './quantities';
import { formatPodCounts, podStatusForController } from './controller-pods';
import { timeOf, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { labelSelectorString, printAnnotationsMultiline, printLabelsMultiline, type LabelSelectorSpec } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { describePodTemplate, type PodTemplate } from './pod-template';

interface ClaimTemplate {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { storageClassName?: string; accessModes?: string[]; resources?: { requests?: Record<string, string> } };
}

function describeVolumeClaimTemplates(templates: ClaimTemplate[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    const storageClass = pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${storageClass}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const capacity = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${capacity !== undefined ? canonicalQuantity(capacity) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

/** Describes a StatefulSet. */
export async function describeStatefulSet(env: DescribeEnv, sts: KObject): Promise<string> {
  const spec = (sts.spec ?? {}) as {
    replicas?: number;
    selector?: LabelSelectorSpec;
    template?: PodTemplate;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
    volumeClaimTemplates?: ClaimTemplate[];
  };
  const pods = await podStatusForController(env, sts, spec.selector);
  const events = env.showEvents ? await searchEvents(env, targetOf(sts)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sts.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${timeOf(env, sts.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${(sts.status as { replicas?: number } | undefined)?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${formatPodCounts(pods)}\n`);
    describePodTemplate(spec.template, w, env);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, env.now);
  });
}
