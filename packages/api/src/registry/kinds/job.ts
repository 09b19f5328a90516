import type { KindInfo } from '../types';
import { applyJobDefaults, prepareJobForCreate } from '../../defaulting/batch';
import { validateJob } from '../../validation/kinds/job';
import { fieldInt } from './field-values';

/** batch/v1 Job; create generates the selector from metadata.uid, which must already be set. */
export const job: KindInfo = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  singular: 'job',
  namespaced: true,
  shortNames: [],
  categories: ['all'],
  subresources: ['status'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: { 'status.successful': (o) => fieldInt(o, 'status.succeeded') },
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyJobDefaults,
  validate: validateJob,
  prepareForCreate: prepareJobForCreate,
};
