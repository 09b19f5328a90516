import type { KindInfo } from '../types';
import { validateIngressClass } from '../../validation/kinds/ingress';

/** networking.k8s.io/v1 IngressClass (cluster-scoped). */
export const ingressClass: KindInfo = {
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  singular: 'ingressclass',
  namespaced: false,
  shortNames: [],
  categories: [],
  subresources: [],
  hasGeneration: true,
  statusFields: [],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: validateIngressClass,
};
