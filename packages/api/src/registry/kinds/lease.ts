import type { KindInfo } from '../types';
import { validateLease } from '../../validation/kinds/namespace';

/** coordination.k8s.io/v1 Lease (node heartbeats, leader election). */
export const lease: KindInfo = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  shortNames: [],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: (obj) => validateLease(obj),
};
