import { describe, expect, it } from 'vitest';
import type { KObject } from '../registry/types';
import { applyCronJobDefaults, applyJobDefaults, prepareJobForCreate } from './batch';

const podTemplate = (labels?: Record<string, string>) => ({
  metadata: labels ? { labels } : {},
  spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] },
});

describe('Job defaults', () => {
  it('defaults counts, modes and the template', () => {
    const job: KObject = { metadata: { name: 'pi' }, spec: { template: podTemplate() } };
    applyJobDefaults(job);
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
    });
    expect((job.spec as { template: { spec: Record<string, unknown> } }).template.spec).toMatchObject({ restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' });
  });

  it('leaves completions unset when only parallelism is given', () => {
    const job: KObject = { spec: { parallelism: 3, template: podTemplate() } };
    applyJobDefaults(job);
    expect(job.spec).not.toHaveProperty('completions');
  });

  it('uses Failed replacement with a pod failure policy and MaxInt32 backoff per index', () => {
    const job: KObject = {
      spec: { backoffLimitPerIndex: 1, completionMode: 'Indexed', completions: 3, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }, template: podTemplate() },
    };
    applyJobDefaults(job);
    expect(job.spec).toMatchObject({
      backoffLimit: 2147483647,
      podReplacementPolicy: 'Failed',
      podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
    });
  });
});

describe('Job create', () => {
  it('generates the selector and template labels from the uid', () => {
    const job: KObject = { metadata: { name: 'pi', uid: 'u-1' }, spec: { template: podTemplate({ app: 'pi' }) } };
    prepareJobForCreate(job);
    const generated = {
      app: 'pi',
      'job-name': 'pi',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'u-1',
      'batch.kubernetes.io/controller-uid': 'u-1',
    };
    expect((job.spec as { selector: unknown }).selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
    expect((job.spec as { template: { metadata: { labels: unknown } } }).template.metadata.labels).toEqual(generated);
    // Upstream's Job labels alias the template's label map when defaulted from it.
    expect(job.metadata!.labels).toEqual(generated);
    expect(job.status).toEqual({});
  });

  it('keeps explicit Job labels and does nothing for manual selectors', () => {
    const job: KObject = { metadata: { name: 'pi', uid: 'u-1', labels: { team: 'a' } }, spec: { template: podTemplate({ app: 'pi' }) } };
    prepareJobForCreate(job);
    expect(job.metadata!.labels).toEqual({ team: 'a' });
    const manual: KObject = { metadata: { name: 'm', uid: 'u-2' }, spec: { manualSelector: true, selector: { matchLabels: { app: 'm' } }, template: podTemplate({ app: 'm' }) } };
    prepareJobForCreate(manual);
    expect((manual.spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: 'm' } });
  });

  it('leaves Job labels alone when the template has none', () => {
    const job: KObject = { metadata: { name: 'pi', uid: 'u-1' }, spec: { template: podTemplate() } };
    prepareJobForCreate(job);
    expect(job.metadata!.labels).toBeUndefined();
  });
});

describe('CronJob defaults', () => {
  it('defaults the policy, limits and the job template pod spec only', () => {
    const cj: KObject = { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: podTemplate() } } } };
    applyCronJobDefaults(cj);
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    const jt = (cj.spec as { jobTemplate: Record<string, any> }).jobTemplate;
    expect(jt.metadata).toEqual({ creationTimestamp: null });
    expect(jt.spec).not.toHaveProperty('backoffLimit');
    expect(jt.spec.template.metadata).toEqual({ creationTimestamp: null });
    expect(jt.spec.template.spec).toMatchObject({ schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 });
  });
});
