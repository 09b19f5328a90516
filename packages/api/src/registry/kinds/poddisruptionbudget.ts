import type { KindInfo } from '../types';
import { validatePDB } from '../../validation/kinds/autoscaling-policy';

/** policy/v1 PodDisruptionBudget. */
export const podDisruptionBudget: KindInfo = {
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  namespaced: true,
  shortNames: ['pdb'],
  categories: [],
  subresources: ['status'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: (obj) => validatePDB(obj),
  prepareForCreate(obj) {
    obj.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
};
