/**
 * The end of a Job (upstream enactJobFinished, recordJobFinished): the
 * terminal condition is added only once no finished pod is left uncounted
 * and no pod is still terminating, and is announced with an event.
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import { refTo, type EventSpec } from '../framework/events';
import { rfc3339 } from '../framework/time';
import { COMPLETE, JOB_API_VERSION, JOB_KIND } from './constants';
import { ensureJobConditionStatus } from './job-conditions';

/**
 * enactJobFinished: adds the terminal condition (and completionTime for
 * Complete) once no pod is uncounted or terminating. True if it did.
 */
export function enactJobFinished(job: Job, terminal: Readonly<JobCondition> | undefined, terminating: number, now: Date): boolean {
  if (!terminal) return false;
  const status = (job.status ??= {});
  const uncounted = status.uncountedTerminatedPods;
  if ((uncounted?.succeeded?.length ?? 0) + (uncounted?.failed?.length ?? 0) > 0) return false;
  if (terminating > 0) return false;
  status.conditions = ensureJobConditionStatus(status.conditions, terminal.type, terminal.status, terminal.reason ?? '', terminal.message ?? '', now).conditions;
  if (terminal.type === COMPLETE) status.completionTime = terminal.lastTransitionTime ?? rfc3339(now);
  return true;
}

/** The events of a finished Job: Completed (and TooManySucceededPods), or the failure reason as a warning. */
export function jobFinishedEvents(job: Readonly<Job>, terminal: Readonly<JobCondition>): EventSpec[] {
  const regarding = refTo(job, JOB_API_VERSION, JOB_KIND);
  if (terminal.type !== COMPLETE) return [{ regarding, type: 'Warning', reason: terminal.reason ?? '', message: terminal.message ?? '' }];
  const events: EventSpec[] = [];
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null && (job.status?.succeeded ?? 0) > completions) {
    events.push({ regarding, type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
  }
  events.push({ regarding, type: 'Normal', reason: 'Completed', message: 'Job completed' });
  return events;
}
