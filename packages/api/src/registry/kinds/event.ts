import type { KindInfo, KObject } from '../types';
import { validateCoreEvent } from '../../validation/kinds/event';
import { applyCoreEventDefaults } from '../../defaulting/core-objects';
import { fieldString, stringSelectors } from './field-values';

/** core/v1 Event: legacy validation, names only need to be URL path segments. */
export const event: KindInfo = {
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ['ev'],
  categories: [],
  subresources: [],
  hasGeneration: false,
  statusFields: [],
  fieldSelectors: {
    ...stringSelectors(
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'type',
    ),
    reportingComponent: (o: KObject) => fieldString(o, 'reportingComponent'),
    // The reporting component stands in when the legacy source is empty.
    source: (o: KObject) => fieldString(o, 'source.component') || fieldString(o, 'reportingComponent'),
  },
  nameFormat: 'path-segment',
  applyDefaults: applyCoreEventDefaults,
  validate: (obj) => validateCoreEvent(obj),
};
