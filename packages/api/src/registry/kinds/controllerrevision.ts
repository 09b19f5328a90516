import type { KindInfo } from '../types';
import { validateControllerRevision } from '../../validation/kinds/controllerrevision';

/** apps/v1 ControllerRevision (StatefulSet and DaemonSet history). */
export const controllerRevision: KindInfo = {
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  namespaced: true,
  shortNames: [],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: {},
  nameFormat: 'dns1123-subdomain',
  applyDefaults: () => undefined,
  validate: validateControllerRevision,
};
