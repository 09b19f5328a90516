import type { KindInfo } from '../types';

/** core/v1 ServiceAccount: nothing beyond metadata to default or validate. */
export const serviceAccount: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  namespaced: true,
  shortNames: ['sa'],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: () => [],
};
