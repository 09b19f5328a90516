import type { KindInfo } from '../types';
import { applyPVDefaults, preparePVForCreate } from '../../defaulting/persistent-volumes';
import { validatePV } from '../../validation/kinds/persistentvolume';

/** core/v1 PersistentVolume (cluster-scoped). */
export const persistentVolume: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  namespaced: false,
  shortNames: ['pv'],
  categories: [],
  subresources: ['status'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyPVDefaults,
  validate: (obj) => validatePV(obj),
  prepareForCreate: (obj, now) => preparePVForCreate(obj, now ?? new Date()),
};
