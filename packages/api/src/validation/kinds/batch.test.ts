import { describe, expect, it } from 'vitest';
import type { KObject } from '../../registry/types';
import { createErrors, updateErrors } from '../test-support';

const podTemplate = (restartPolicy?: string, labels?: Record<string, string>) => ({
  metadata: labels ? { labels } : {},
  spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'pi', image: 'perl:5.34' }] },
});

const job = (spec: Record<string, unknown>, name = 'pi'): KObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', uid: 'uid-1' }, spec });
const cronJob = (spec: Record<string, unknown>, name = 'hello'): KObject => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default' }, spec });

describe('Job validation', () => {
  it('accepts a Job once its selector is generated', () => {
    expect(createErrors(job({ template: podTemplate('Never') }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['restartPolicy defaults to Always, which Jobs refuse', { template: podTemplate() }, ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy unknown', { template: podTemplate('Sometimes') }, [
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    ]],
    ['negative counts', { template: podTemplate('Never'), parallelism: -1, backoffLimit: -2 }, [
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
    ]],
    ['completion mode', { template: podTemplate('Never'), completionMode: 'Random' }, ['spec.completionMode: Unsupported value: "Random": supported values: "NonIndexed", "Indexed"']],
    ['manual selector must match', { template: podTemplate('Never', { app: 'x' }), manualSelector: true, selector: { matchLabels: { app: 'y' } } }, [
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]],
    ['manual selector required', { template: podTemplate('Never', { app: 'x' }), manualSelector: true }, [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]],
    ['a generated selector cannot be overridden', { template: podTemplate('Never'), selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'other' } } }, [
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
      'spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"uid-1", "batch.kubernetes.io/job-name":"pi", "controller-uid":"uid-1", "job-name":"pi"}: `selector` does not match template `labels`',
    ]],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(job(spec))).toEqual(want);
  });

  it('the template is immutable', () => {
    const errs = updateErrors(job({ template: podTemplate('Never') }), (next) => {
      (next.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0].image = 'perl:5.36';
    });
    expect(errs).toEqual([expect.stringMatching(/^spec\.template: Invalid value: core\.PodTemplateSpec\{.*"image":"perl:5\.36".*\}: field is immutable$/)]);
  });

  it('parallelism may change', () => {
    expect(updateErrors(job({ template: podTemplate('Never') }), (next) => void ((next.spec as Record<string, unknown>).parallelism = 3))).toEqual([]);
  });
});

describe('CronJob validation', () => {
  const jobTemplate = { spec: { template: podTemplate('OnFailure') } };

  it('accepts a valid CronJob', () => {
    expect(createErrors(cronJob({ schedule: '*/1 * * * *', jobTemplate }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['schedule required', { jobTemplate }, ['spec.schedule: Required value']],
    ['bad schedule', { schedule: '61 * * * *', jobTemplate }, ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['TZ in schedule', { schedule: 'TZ=UTC 0 * * * *', jobTemplate }, ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    ['unknown time zone', { schedule: '0 * * * *', timeZone: 'Mars/Olympus', jobTemplate }, ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
    ['Local time zone', { schedule: '0 * * * *', timeZone: 'Local', jobTemplate }, ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    ['empty time zone', { schedule: '0 * * * *', timeZone: '', jobTemplate }, ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']],
    ['concurrency policy', { schedule: '0 * * * *', concurrencyPolicy: 'Maybe', jobTemplate }, ['spec.concurrencyPolicy: Unsupported value: "Maybe": supported values: "Allow", "Forbid", "Replace"']],
    ['job template restart policy', { schedule: '0 * * * *', jobTemplate: { spec: { template: podTemplate() } } }, ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(cronJob(spec))).toEqual(want);
  });

  it('accepts IANA time zones', () => {
    expect(createErrors(cronJob({ schedule: '0 9 * * *', timeZone: 'Asia/Tokyo', jobTemplate }))).toEqual([]);
  });

  it('names are limited to 52 characters on create', () => {
    const name = 'a'.repeat(53);
    expect(createErrors(cronJob({ schedule: '0 * * * *', jobTemplate }, name))).toEqual([`metadata.name: Invalid value: "${name}": must be no more than 52 characters`]);
  });
});
