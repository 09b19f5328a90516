import type { KindInfo } from '../types';
import { applyReplicaSetDefaults, INITIAL_STATUS } from '../../defaulting/apps';
import { validateReplicaSet } from '../../validation/kinds/replicaset';
import { fieldInt } from './field-values';

/** apps/v1 ReplicaSet. */
export const replicaSet: KindInfo = {
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  singular: 'replicaset',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: { 'status.replicas': (o) => fieldInt(o, 'status.replicas') },
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyReplicaSetDefaults,
  validate: validateReplicaSet,
  prepareForCreate(obj) {
    applyReplicaSetDefaults(obj);
    obj.status = { ...INITIAL_STATUS.ReplicaSet };
  },
};
