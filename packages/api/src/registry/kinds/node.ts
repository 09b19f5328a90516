import type { KindInfo } from '../types';
import { applyNodeDefaults } from '../../defaulting/core-objects';
import { validateNode } from '../../validation/kinds/namespace';
import { fieldBool } from './field-values';

/** core/v1 Node; its status comes from the node agent at registration, so create keeps it. */
export const node: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  namespaced: false,
  shortNames: ['no'],
  categories: [],
  subresources: ['status'],
  hasGeneration: false,
  statusFields: ['status'],
  fieldSelectors: { 'spec.unschedulable': (o) => fieldBool(o, 'spec.unschedulable') },
  nameFormat: 'dns1123-subdomain',
  keepStatusOnCreate: true,
  applyDefaults: applyNodeDefaults,
  validate: (obj) => validateNode(obj),
};
