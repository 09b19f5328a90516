import type { KindInfo } from '../types';
import { applyDaemonSetDefaults, INITIAL_STATUS } from '../../defaulting/apps';
import { validateDaemonSet } from '../../validation/kinds/daemonset';

/** apps/v1 DaemonSet. */
export const daemonSet: KindInfo = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  subresources: ['status'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyDaemonSetDefaults,
  validate: validateDaemonSet,
  prepareForCreate(obj) {
    applyDaemonSetDefaults(obj);
    obj.status = { ...INITIAL_STATUS.DaemonSet };
  },
};
