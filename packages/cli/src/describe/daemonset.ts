/** `describe daemonset` (describeDaemonSet). */
import { formatLabels, type KObject } from '@mk/api';
import { formatPodCounts, podStatusForController } from './controller-pods';
import type { DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { labelSelectorString, printAnnotationsMultiline, printLabelsMultiline, type LabelSelectorSpec } from './format';
import { LEVEL_0, tabbedString } from './prefix-writer';
import { describePodTemplate, type PodTemplate } from './pod-template';

/** Describes a DaemonSet. */
export async function describeDaemonSet(env: DescribeEnv, ds: KObject): Promise<string> {
  const spec = (ds.spec ?? {}) as { selector?: LabelSelectorSpec; template?: PodTemplate };
  const status = (ds.status ?? {}) as Record<string, number | undefined>;
  const pods = await podStatusForController(env, ds, spec.selector);
  const events = env.showEvents ? await searchEvents(env, targetOf(ds)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${formatPodCounts(pods)}\n`);
    describePodTemplate(spec.template, w, env);
    if (events) describeEvents(events, w, env.now);
  });
}
