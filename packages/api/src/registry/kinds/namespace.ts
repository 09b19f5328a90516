import type { KindInfo } from '../types';
import { applyNamespaceDefaults, prepareNamespaceForCreate, prepareNamespaceForUpdate } from '../../defaulting/core-objects';
import { validateNamespace } from '../../validation/kinds/namespace';
import { stringSelectors } from './field-values';

/** core/v1 Namespace. */
export const namespace: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  categories: [],
  subresources: ['status', 'finalize'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: stringSelectors('status.phase'),
  nameFormat: 'dns1123-label',
  applyDefaults: applyNamespaceDefaults,
  validate: (obj) => validateNamespace(obj),
  prepareForCreate: prepareNamespaceForCreate,
  prepareForUpdate: prepareNamespaceForUpdate,
};
