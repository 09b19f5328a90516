import type { KindInfo } from '../types';
import { applyHPADefaults } from '../../defaulting/autoscaling';
import { validateHPA } from '../../validation/kinds/autoscaling-policy';

/** autoscaling/v2 HorizontalPodAutoscaler (1.32 maintains no metadata.generation for it). */
export const horizontalPodAutoscaler: KindInfo = {
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: ['status'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyHPADefaults,
  validate: (obj) => validateHPA(obj),
  prepareForCreate(obj) {
    applyHPADefaults(obj);
    obj.status = { desiredReplicas: 0 };
  },
};
