import type { KindInfo } from '../types';
import { applyServiceDefaults, prepareServiceForCreate, prepareServiceForUpdate } from '../../defaulting/service';
import { validateService } from '../../validation/kinds/service';
import { stringSelectors } from './field-values';

/** core/v1 Service; names are DNS-1035 labels. Address allocation is the API server's. */
export const service: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  subresources: ['status'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: stringSelectors('spec.clusterIP', 'spec.type'),
  nameFormat: 'dns1035-label',
  applyDefaults: applyServiceDefaults,
  validate: validateService,
  prepareForCreate: prepareServiceForCreate,
  prepareForUpdate: prepareServiceForUpdate,
};
