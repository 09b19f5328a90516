import type { KindInfo } from '../types';
import { applyReplicationControllerDefaults, INITIAL_STATUS } from '../../defaulting/apps';
import { validateReplicationController } from '../../validation/kinds/replicationcontroller';
import { fieldInt } from './field-values';

/** core/v1 ReplicationController (kept for `kubectl apply --prune` and old manifests). */
export const replicationController: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  singular: 'replicationcontroller',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: { 'status.replicas': (o) => fieldInt(o, 'status.replicas') },
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyReplicationControllerDefaults,
  validate: (obj) => validateReplicationController(obj),
  prepareForCreate(obj) {
    applyReplicationControllerDefaults(obj);
    obj.status = { ...INITIAL_STATUS.ReplicationController };
  },
};
