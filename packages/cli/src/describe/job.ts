/** `describe job` (describeJob). */
import { humanDuration, parseTimestamp, type KObject } from '@mk/api';
import { timeOf, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { labelSelectorString, printAnnotationsMultiline, printController, printLabelsMultiline, type LabelSelectorSpec } from './format';
import { LEVEL_0, tabbedString } from './prefix-writer';
import { describePodTemplate, type PodTemplate } from './pod-template';

/** capIndexesListOrNone: completed indexes cut after ~50 characters at a comma. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

const has = (v: unknown) => v !== undefined && v !== null;

/** Describes a Job. */
export async function describeJob(env: DescribeEnv, job: KObject): Promise<string> {
  const spec = (job.spec ?? {}) as {
    selector?: LabelSelectorSpec;
    parallelism?: number;
    completions?: number;
    completionMode?: string;
    suspend?: boolean;
    backoffLimit?: number;
    ttlSecondsAfterFinished?: number;
    activeDeadlineSeconds?: number;
    template?: PodTemplate;
  };
  const status = (job.status ?? {}) as { startTime?: string; completionTime?: string; active?: number; ready?: number; succeeded?: number; failed?: number; completedIndexes?: string };
  const events = env.showEvents ? await searchEvents(env, targetOf(job)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (has(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, has(spec.completions) ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
    if (has(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (has(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (has(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (has(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${timeOf(env, status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${timeOf(env, status.completionTime)}\n`);
    const start = parseTimestamp(status.startTime);
    const end = parseTimestamp(status.completionTime);
    if (start !== undefined && end !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(end - start)}\n`);
    if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const ready = has(status.ready) ? ` (${status.ready} Ready)` : '';
    w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes, 50)}\n`);
    describePodTemplate(spec.template, w, env);
    if (events) describeEvents(events, w, env.now);
  });
}
