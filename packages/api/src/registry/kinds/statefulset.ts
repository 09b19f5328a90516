import type { KindInfo } from '../types';
import { applyStatefulSetDefaults, INITIAL_STATUS } from '../../defaulting/apps';
import { validateStatefulSet } from '../../validation/kinds/statefulset';

/** apps/v1 StatefulSet; names are DNS labels (they become pod hostnames). */
export const statefulSet: KindInfo = {
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  singular: 'statefulset',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-label',
  applyDefaults: applyStatefulSetDefaults,
  validate: validateStatefulSet,
  prepareForCreate(obj) {
    applyStatefulSetDefaults(obj);
    obj.status = { ...INITIAL_STATUS.StatefulSet };
  },
};
