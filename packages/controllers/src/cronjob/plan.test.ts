import { describe, expect, it } from 'vitest';
import type { CronJob, CronJobSpec, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import { frozen } from '../testing/fixtures';
import { planCronJobSync, rfc1123z, tooLate, type CronJobSyncInput } from './plan';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const MIN = 60_000;
const at = (ms: number) => new Date(T0 + ms);
const iso = (ms: number) => at(ms).toISOString().replace('.000Z', 'Z');
const minuteName = (ms: number) => `cj-${Math.floor((T0 + ms) / MIN)}`;

function cronJob(spec: Partial<CronJobSpec> = {}, status: CronJobStatus = {}, meta: Record<string, unknown> = {}): CronJob {
  return frozen({
    metadata: { name: 'cj', namespace: 'default', uid: 'uid-cj', resourceVersion: '7', creationTimestamp: iso(0), ...meta },
    spec: {
      schedule: '*/1 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
      ...spec,
    },
    status,
  });
}

function job(name: string, state: 'Running' | 'Complete' | 'Failed', times: { start?: number; end?: number } = {}): Job {
  return frozen({
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'cj', uid: 'uid-cj', controller: true }] },
    spec: { template: {} },
    status: {
      ...(times.start !== undefined ? { startTime: iso(times.start) } : {}),
      ...(state === 'Complete' && times.end !== undefined ? { completionTime: iso(times.end) } : {}),
      conditions: state === 'Running' ? [] : [{ type: state, status: 'True' }],
    },
  });
}

const ref = (name: string) => ({ kind: 'Job', apiVersion: 'batch/v1', namespace: 'default', name, uid: `uid-${name}` });

function plan(cj: CronJob, nowMs: number, extra: Partial<CronJobSyncInput> = {}) {
  return planCronJobSync({ cronJob: cj, jobs: [], missingActive: new Set(), now: at(nowMs), ...extra });
}

const reasons = (p: ReturnType<typeof plan>) => p.events.map((e) => `${e.type} ${e.reason}: ${e.message}`);

describe('scheduling', () => {
  it('creates the job for a due time and requeues for the next one', () => {
    const p = plan(cronJob(), MIN + 100);
    expect(p.create?.job.metadata?.name).toBe(minuteName(MIN));
    expect(p.create?.scheduledTime).toBe(iso(MIN));
    expect(p.create?.requeueAfterMs).toBe(MIN);
    expect(p.events).toEqual([]);
    expect(p.replace).toEqual([]);
  });

  it('waits when nothing is due yet', () => {
    const p = plan(cronJob(), 30_000);
    expect(p.create).toBeUndefined();
    expect(p.requeueAfterMs).toBe(30_100);
  });

  it('does not start a time twice', () => {
    const scheduled = plan(cronJob({}, { lastScheduleTime: iso(MIN) }), MIN + 5_000);
    expect(scheduled.create).toBeUndefined();
    expect(scheduled.requeueAfterMs).toBe(55_100);
    const listed = plan(cronJob({}, { active: [ref(minuteName(MIN))] }), MIN + 5_000, { jobs: [job(minuteName(MIN), 'Running')] });
    expect(listed.create).toBeUndefined();
  });

  it('starts only the most recent of several missed times', () => {
    const p = plan(cronJob({}, { lastScheduleTime: iso(MIN) }), 10 * MIN + 30_000);
    expect(p.create?.job.metadata?.name).toBe(minuteName(10 * MIN));
    expect(p.events).toEqual([]);
  });

  it('warns about more than 100 missed times and still starts the latest', () => {
    const p = plan(cronJob(), 150 * MIN + 1_000);
    expect(reasons(p)).toEqual(['Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew']);
    expect(p.create?.job.metadata?.name).toBe(minuteName(150 * MIN));
  });

  it('lets a time go once the starting deadline passed, quietly as upstream, until the next one', () => {
    const cj = cronJob({ schedule: '*/10 * * * *', startingDeadlineSeconds: 30 }, { lastScheduleTime: iso(0) });
    const late = plan(cj, 10 * MIN + 45_000);
    expect(late.create).toBeUndefined();
    expect(late.events).toEqual([]);
    expect(late.requeueAfterMs).toBe(9 * MIN + 15_000 + 100);
    expect(plan(cj, 10 * MIN + 20_000).create?.job.metadata?.name).toBe(minuteName(10 * MIN));
  });

  it('words the missed-schedule check as upstream', () => {
    expect(tooLate(T0, 30, at(31_000))).toBe(true);
    expect(tooLate(T0, 30, at(30_000))).toBe(false);
    expect(tooLate(T0, undefined, at(10 * MIN))).toBe(false);
    expect(rfc1123z(T0 + MIN)).toBe('Thu, 01 Jan 2026 00:01:00 +0000');
  });

  it('does nothing while suspended or being deleted', () => {
    const suspended = plan(cronJob({ suspend: true }), MIN + 100);
    expect(suspended.create).toBeUndefined();
    expect(suspended.requeueAfterMs).toBeUndefined();
    const deleting = plan(cronJob({}, {}, { deletionTimestamp: iso(30_000) }), MIN + 100);
    expect(deleting.create).toBeUndefined();
    expect(deleting.requeueAfterMs).toBeUndefined();
  });
});

describe('concurrency policies', () => {
  const running = { jobs: [job('cj-old', 'Running')] };
  const withActive = (policy: string) => cronJob({ concurrencyPolicy: policy }, { active: [ref('cj-old')], lastScheduleTime: iso(0) });

  it('Allow starts the next job beside the running one', () => {
    const p = plan(withActive('Allow'), MIN + 100, running);
    expect(p.create?.job.metadata?.name).toBe(minuteName(MIN));
    expect(p.replace).toEqual([]);
  });

  it('Forbid skips the time while a job runs', () => {
    const p = plan(withActive('Forbid'), MIN + 100, running);
    expect(p.create).toBeUndefined();
    expect(reasons(p)).toEqual(['Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid']);
    expect(p.requeueAfterMs).toBe(MIN);
  });

  it('Forbid starts once nothing runs', () => {
    expect(plan(cronJob({ concurrencyPolicy: 'Forbid' }, { lastScheduleTime: iso(0) }), MIN + 100).create).toBeDefined();
  });

  it('Replace deletes the running jobs, then starts the new one', () => {
    const p = plan(withActive('Replace'), MIN + 100, running);
    expect(p.replace).toEqual([ref('cj-old')]);
    expect(p.create?.job.metadata?.name).toBe(minuteName(MIN));
  });
});

describe('schedule and time zone problems', () => {
  it('reports an unknown time zone and starts nothing', () => {
    const p = plan(cronJob({ timeZone: 'Mars/Olympus' }), MIN + 100);
    expect(reasons(p)).toEqual(['Warning UnknownTimeZone: invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus']);
    expect(p.create).toBeUndefined();
    expect(p.requeueAfterMs).toBeUndefined();
  });

  it('reports an unparseable schedule and starts nothing', () => {
    const p = plan(cronJob({ schedule: '0 0 * * 8' }), MIN + 100);
    expect(reasons(p)).toEqual(['Warning UnparseableSchedule: unparseable schedule: "0 0 * * 8" : end of range (8) above maximum (6): 8']);
    expect(p.requeueAfterMs).toBeUndefined();
  });

  it('reports a schedule that never happens', () => {
    const p = plan(cronJob({ schedule: '59 23 31 2 *' }), MIN + 100);
    expect(reasons(p)).toEqual(['Warning InvalidSchedule: invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second']);
  });

  it('warns about TZ= in the schedule but follows it', () => {
    const p = plan(cronJob({ schedule: 'TZ=Asia/Tokyo 0 9 * * *' }, {}, { creationTimestamp: '2025-12-31T23:00:00Z' }), 1_000);
    expect(reasons(p)).toEqual([
      'Warning UnsupportedSchedule: CRON_TZ or TZ used in schedule "TZ=Asia/Tokyo 0 9 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
    ]);
    expect(p.create?.scheduledTime).toBe('2026-01-01T00:00:00Z');
  });

  it('runs in spec.timeZone and stamps the job in it', () => {
    const p = plan(cronJob({ schedule: '0 9 * * *', timeZone: 'Asia/Tokyo' }, {}, { creationTimestamp: '2025-12-31T23:00:00Z' }), 1_000);
    expect(p.create?.scheduledTime).toBe('2026-01-01T00:00:00Z');
    expect(p.create?.job.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T09:00:00+09:00');
    expect(p.create?.requeueAfterMs).toBe(24 * 60 * MIN - 1_000 + 100);
  });

  it('after a schedule edit only requeues for the new schedule, as upstream update handler', () => {
    const cj = cronJob({ schedule: '0 * * * *' }, { lastScheduleTime: iso(0) });
    const p = plan(cj, 150 * MIN, { scheduleChanged: true });
    expect(p.create).toBeUndefined();
    expect(p.requeueAfterMs).toBe(30 * MIN + 100);
    const bad = plan(cronJob({ schedule: 'every day' }), MIN, { scheduleChanged: true });
    expect(reasons(bad)).toEqual(['Warning UnParseableCronJobSchedule: unparseable schedule for cronjob: every day']);
    expect(bad.requeueAfterMs).toBeUndefined();
  });
});

describe('status bookkeeping', () => {
  it('drops a finished job from active and records the latest success', () => {
    const cj = cronJob({}, { active: [ref('cj-a'), ref('cj-b')], lastScheduleTime: iso(0), lastSuccessfulTime: iso(-MIN) });
    const jobs = [job('cj-a', 'Complete', { start: 0, end: 20_000 }), job('cj-b', 'Failed', { start: 0 })];
    const p = plan(cj, 30_000, { jobs });
    expect(reasons(p)).toEqual(['Normal SawCompletedJob: Saw completed job: cj-a, condition: Complete', 'Normal SawCompletedJob: Saw completed job: cj-b, condition: Failed']);
    expect(p.status.active).toBeUndefined();
    expect(p.status.lastSuccessfulTime).toBe(iso(20_000));
    expect(p.statusChanged).toBe(true);
  });

  it('takes lastSuccessfulTime from any later success, listed or not, never going back', () => {
    const cj = cronJob({}, { lastScheduleTime: iso(0), lastSuccessfulTime: iso(10_000) });
    expect(plan(cj, 30_000, { jobs: [job('cj-x', 'Complete', { end: 5_000 })] }).statusChanged).toBe(false);
    const later = plan(cj, 30_000, { jobs: [job('cj-x', 'Complete', { end: 25_000 })] });
    expect(later.status.lastSuccessfulTime).toBe(iso(25_000));
    expect(later.events).toEqual([]);
  });

  it('reports unlisted running jobs and listed jobs that went missing', () => {
    const cj = cronJob({}, { active: [ref('cj-gone'), ref('cj-slow')], lastScheduleTime: iso(0) });
    const p = plan(cj, 30_000, { jobs: [job('cj-stray', 'Running')], missingActive: new Set(['uid-cj-gone']) });
    expect(reasons(p)).toEqual(['Warning UnexpectedJob: Saw a job that the controller did not create or forgot: cj-stray', 'Normal MissingJob: Active job went missing: cj-gone']);
    // cj-slow is only missing from the cache: it stays.
    expect(p.status.active).toEqual([ref('cj-slow')]);
  });

  it('deletes history beyond the limits, which also leaves status.active', () => {
    const cj = cronJob({ successfulJobsHistoryLimit: 1 }, { active: [ref('cj-1')], lastScheduleTime: iso(0) });
    const jobs = [job('cj-2', 'Complete', { start: 2 * MIN, end: 2 * MIN }), job('cj-1', 'Complete', { start: MIN, end: MIN }), job('cj-3', 'Running', { start: 3 * MIN })];
    const p = plan(cj, 30_000, { jobs });
    expect(p.historyDeletes.map((j) => j.metadata?.name)).toEqual(['cj-1']);
    // Deleted with its history, cj-1 is not also "seen completed"; cj-3 is unexpected since it is not listed.
    expect(reasons(p)).toEqual(['Warning UnexpectedJob: Saw a job that the controller did not create or forgot: cj-3']);
    expect(p.status.active).toBeUndefined();
    expect(p.status.lastSuccessfulTime).toBe(iso(2 * MIN));
    expect(p.statusChanged).toBe(true);
  });
});
