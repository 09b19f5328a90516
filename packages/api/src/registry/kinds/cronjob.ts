import type { KindInfo } from '../types';
import { applyCronJobDefaults } from '../../defaulting/batch';
import { validateCronJob } from '../../validation/kinds/cronjob';

/** batch/v1 CronJob. */
export const cronJob: KindInfo = {
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  singular: 'cronjob',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  subresources: ['status'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyCronJobDefaults,
  validate: validateCronJob,
  prepareForCreate(obj) {
    applyCronJobDefaults(obj);
    obj.status = {};
  },
};
