import type { KindInfo } from '../types';
import { applyEndpointsDefaults } from '../../defaulting/core-objects';
import { validateEndpoints } from '../../validation/kinds/endpoints';

/** core/v1 Endpoints. */
export const endpoints: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyEndpointsDefaults,
  validate: (obj) => validateEndpoints(obj),
};
