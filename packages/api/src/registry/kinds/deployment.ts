import type { KindInfo } from '../types';
import { applyDeploymentDefaults, INITIAL_STATUS } from '../../defaulting/apps';
import { validateDeployment } from '../../validation/kinds/deployment';

/** apps/v1 Deployment. */
export const deployment: KindInfo = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyDeploymentDefaults,
  validate: validateDeployment,
  prepareForCreate(obj) {
    applyDeploymentDefaults(obj);
    obj.status = { ...INITIAL_STATUS.Deployment };
  },
};
