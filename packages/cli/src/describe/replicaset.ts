/** `describe replicaset` (describeReplicaSet). */
import { formatLabelSelector, type KObject } from '@mk/api';
import { formatPodCounts, podStatusForController } from './controller-pods';
import type { DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printController, printLabelsMultiline, type LabelSelectorSpec } from './format';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { describePodTemplate, type PodTemplate } from './pod-template';

/** Describes a ReplicaSet and the phases of its pods. */
export async function describeReplicaSet(env: DescribeEnv, rs: KObject): Promise<string> {
  const spec = (rs.spec ?? {}) as { replicas?: number; selector?: LabelSelectorSpec; template?: PodTemplate };
  const status = (rs.status ?? {}) as { replicas?: number; conditions?: { type: string; status: string; reason?: string }[] };
  let pods: string;
  try {
    pods = formatPodCounts(await podStatusForController(env, rs, spec.selector));
  } catch (err) {
    pods = `error in fetching pods: ${(err as Error).message}`;
  }
  const events = env.showEvents ? await searchEvents(env, targetOf(rs)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods}\n`);
    describePodTemplate(spec.template, w, env);
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(events, w, env.now);
  });
}
