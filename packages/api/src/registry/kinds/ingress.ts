import type { KindInfo } from '../types';
import { validateIngress } from '../../validation/kinds/ingress';

/** networking.k8s.io/v1 Ingress. */
export const ingress: KindInfo = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  singular: 'ingress',
  namespaced: true,
  shortNames: ['ing'],
  categories: [],
  subresources: ['status'],
  hasGeneration: true,
  statusFields: ['status'],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: (obj) => validateIngress(obj),
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
};
