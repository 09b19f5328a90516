import type { KindInfo } from '../types';
import { validateConfigMap } from '../../validation/kinds/configmap';

/** core/v1 ConfigMap. */
export const configMap: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  namespaced: true,
  shortNames: ['cm'],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: validateConfigMap,
};
