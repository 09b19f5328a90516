import type { KindInfo } from '../types';
import { applySecretDefaults } from '../../defaulting/core-objects';
import { validateSecret } from '../../validation/kinds/configmap';
import { stringSelectors } from './field-values';

/** core/v1 Secret. */
export const secret: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  shortNames: [],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: stringSelectors('type'),
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applySecretDefaults,
  validate: validateSecret,
};
