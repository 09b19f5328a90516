import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { addCompletionIndexEnv, completionIndexOf, indexAbsoluteFailureCount, podGenerateNameWithIndex } from './completion-index';
import { JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT } from './constants';
import { jobPod, newJob } from './test-support';

const job = newJob('ix');

describe('completion index', () => {
  it('reads the index annotation, rejecting junk and negatives', () => {
    expect(completionIndexOf(jobPod(job, 'a', { index: 3 }))).toBe(3);
    for (const value of ['-1', 'x', '']) expect(completionIndexOf(jobPod(job, 'b', { annotations: { [JOB_COMPLETION_INDEX]: value } }))).toBeUndefined();
    expect(completionIndexOf(jobPod(job, 'c'))).toBeUndefined();
  });

  it('sums failure counts, treating invalid values as 0', () => {
    expect(indexAbsoluteFailureCount(jobPod(job, 'a', { annotations: { [JOB_INDEX_FAILURE_COUNT]: '2', [JOB_INDEX_IGNORED_FAILURE_COUNT]: '1' } }))).toBe(3);
    expect(indexAbsoluteFailureCount(jobPod(job, 'b', { annotations: { [JOB_INDEX_FAILURE_COUNT]: '-4', [JOB_INDEX_IGNORED_FAILURE_COUNT]: '9999999999' } }))).toBe(0);
  });

  it('prefixes pod names with <job>-<index>-, shortening long Job names to fit', () => {
    expect(podGenerateNameWithIndex('pi', 7)).toBe('pi-7-');
    const long = 'a'.repeat(60);
    const prefix = podGenerateNameWithIndex(long, 12);
    expect(prefix).toBe(`${'a'.repeat(54)}-12-`);
    expect(prefix).toHaveLength(58);
  });

  it('adds JOB_COMPLETION_INDEX to every container once', () => {
    const template: PodTemplateSpec = {
      spec: {
        initContainers: [{ name: 'init', image: 'i' }],
        containers: [{ name: 'main', image: 'm', env: [{ name: 'A', value: '1' }] }, { name: 'own', image: 'o', env: [{ name: 'JOB_COMPLETION_INDEX', value: 'mine' }] }],
      },
    };
    addCompletionIndexEnv(template);
    const fromLabel = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } };
    expect(template.spec!.initContainers![0].env).toEqual([fromLabel]);
    expect(template.spec!.containers[0].env).toEqual([{ name: 'A', value: '1' }, fromLabel]);
    expect(template.spec!.containers[1].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', value: 'mine' }]);
  });
});
