import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { jobPrinter } from './job';

const now = new Date('2024-05-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
const template = { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }] } };
const selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } };

function job(spec: object, status: object = {}, metadata: object = {}): KObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', creationTimestamp: ago(300), ...metadata }, spec: { template, selector, ...spec }, status };
}
const cond = (type: string, status = 'True') => ({ type, status });

describe('job printer', () => {
  it('declares the 1.32 columns', () => {
    expect(jobPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Completions:0', 'Duration:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });

  it('prints a completed job with its duration and wide cells', () => {
    const j = job({ completions: 1, parallelism: 1 }, { succeeded: 1, startTime: ago(290), completionTime: ago(250), conditions: [cond('SuccessCriteriaMet'), cond('Complete')] });
    expect(jobPrinter.printRow(j, now)).toEqual(['pi', 'Complete', '1/1', '40s', '5m', 'pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=abc']);
  });

  it.each<[string, object, object, object, string]>([
    ['running (no conditions)', {}, {}, {}, 'Running'],
    ['failed', {}, { conditions: [cond('FailureTarget'), cond('Failed')] }, {}, 'Failed'],
    ['failure target only', {}, { conditions: [cond('FailureTarget')] }, {}, 'FailureTarget'],
    ['suspended', {}, { conditions: [cond('Suspended')] }, {}, 'Suspended'],
    ['resumed (Suspended=False)', {}, { conditions: [cond('Suspended', 'False')] }, {}, 'Running'],
    ['terminating', {}, { conditions: [cond('Suspended')] }, { deletionTimestamp: ago(1) }, 'Terminating'],
    ['complete outranks terminating', {}, { conditions: [cond('Complete')] }, { deletionTimestamp: ago(1) }, 'Complete'],
  ])('STATUS %s', (_, spec, status, metadata, want) => {
    expect(jobPrinter.printRow(job({ completions: 1, ...spec }, status, metadata), now)[1]).toBe(want);
  });

  it.each<[object, object, string]>([
    [{ completions: 3, parallelism: 3 }, { succeeded: 1 }, '1/3'],
    [{ completions: 1 }, {}, '0/1'],
    [{ completions: null, parallelism: 3 }, { succeeded: 0 }, '0/1 of 3'],
    [{ parallelism: 1 }, { succeeded: 1 }, '1/1'],
    [{}, {}, '0/1'],
  ])('COMPLETIONS for %j %j → %s', (spec, status, want) => {
    expect(jobPrinter.printRow(job(spec, status), now)[2]).toBe(want);
  });

  it('prints DURATION since start while running and "" before start', () => {
    expect(jobPrinter.printRow(job({ completions: 1 }, { startTime: ago(125) }), now)[3]).toBe('2m5s');
    expect(jobPrinter.printRow(job({ completions: 1 }, {}), now)[3]).toBe('');
  });
});
