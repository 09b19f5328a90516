/** `describe cronjob` (describeCronJob and describeJobTemplate). */
import type { KObject } from '@mk/api';
import { timeOf, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { labelSelectorString, printAnnotationsMultiline, printLabelsMultiline, type LabelSelectorSpec } from './format';
import { LEVEL_0, tabbedString } from './prefix-writer';
import { describePodTemplate, type PodTemplate } from './pod-template';

const has = (v: unknown) => v !== undefined && v !== null;

/** Describes a CronJob. */
export async function describeCronJob(env: DescribeEnv, cj: KObject): Promise<string> {
  const spec = (cj.spec ?? {}) as {
    schedule?: string;
    concurrencyPolicy?: string;
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    startingDeadlineSeconds?: number;
    jobTemplate?: { spec?: { selector?: LabelSelectorSpec; parallelism?: number; completions?: number; activeDeadlineSeconds?: number; template?: PodTemplate } };
  };
  const status = (cj.status ?? {}) as { lastScheduleTime?: string; active?: { name?: string }[] };
  const events = env.showEvents ? await searchEvents(env, targetOf(cj)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${has(spec.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${has(spec.successfulJobsHistoryLimit) ? spec.successfulJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${has(spec.failedJobsHistoryLimit) ? spec.failedJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${has(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
    const job = spec.jobTemplate?.spec ?? {};
    w.write(LEVEL_0, `Selector:\t${job.selector ? labelSelectorString(job.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, `Parallelism:\t${has(job.parallelism) ? job.parallelism : '<unset>'}\n`);
    w.write(LEVEL_0, `Completions:\t${has(job.completions) ? job.completions : '<unset>'}\n`);
    if (has(job.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${job.activeDeadlineSeconds}s\n`);
    describePodTemplate(job.template, w, env);
    w.write(LEVEL_0, `Last Schedule Time:\t${status.lastScheduleTime ? timeOf(env, status.lastScheduleTime) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = status.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      w.write(LEVEL_0, active.map((j) => j.name ?? '').join(', '));
      w.writeLine('');
    }
    if (events) describeEvents(events, w, env.now);
  });
}
