import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { cronJobPrinter } from './cronJob';

const now = new Date('2024-05-01T12:00:00Z');

function cronJob(spec: object, status: object = {}): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', creationTimestamp: '2024-05-01T10:00:00Z' },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox' }] } } } }, ...spec },
    status,
  };
}

describe('cronjob printer', () => {
  it('declares the 1.32 columns', () => {
    expect(cronJobPrinter.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0', 'Schedule:string:0', 'Timezone:string:0', 'Suspend:boolean:0', 'Active:integer:0', 'Last Schedule:string:0', 'Age:string:0',
      'Containers:string:1', 'Images:string:1', 'Selector:string:1',
    ]);
  });

  it('prints a fresh cronjob', () => {
    expect(cronJobPrinter.printRow(cronJob({ suspend: false }), now)).toEqual([
      'hello', '*/1 * * * *', '<none>', 'False', 0, '<none>', '120m', 'hello', 'busybox', '<none>',
    ]);
  });

  it('prints time zone, suspension, active jobs and the last schedule', () => {
    const cj = cronJob({ timeZone: 'Europe/Paris', suspend: true }, { active: [{ name: 'hello-1' }, { name: 'hello-2' }], lastScheduleTime: '2024-05-01T11:59:00Z' });
    expect(cronJobPrinter.printRow(cj, now).slice(0, 7)).toEqual(['hello', '*/1 * * * *', 'Europe/Paris', 'True', 2, '60s', '120m']);
  });

  it('prints <unset> when suspend was never defaulted', () => {
    expect(cronJobPrinter.printRow(cronJob({}), now)[3]).toBe('<unset>');
  });
});
