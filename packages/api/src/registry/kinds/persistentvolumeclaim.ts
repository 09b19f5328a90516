import type { KindInfo } from '../types';
import { applyPVCDefaults, preparePVCForCreate } from '../../defaulting/persistent-volumes';
import { validatePVC } from '../../validation/kinds/persistentvolume';

/** core/v1 PersistentVolumeClaim. */
export const persistentVolumeClaim: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  namespaced: true,
  shortNames: ['pvc'],
  categories: [],
  subresources: ['status'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyPVCDefaults,
  validate: validatePVC,
  prepareForCreate: preparePVCForCreate,
};
