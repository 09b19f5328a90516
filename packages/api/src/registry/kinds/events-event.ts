import type { KindInfo } from '../types';
import { validateEventsV1Event } from '../../validation/kinds/event';
import { applyEventsV1Defaults } from '../../defaulting/core-objects';
import { stringSelectors } from './field-values';

/** events.k8s.io/v1 Event (stored apart from core/v1 Events in mk). */
export const eventsEvent: KindInfo = {
  group: 'events.k8s.io',
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
  fieldSelectors: stringSelectors(
    'regarding.kind',
    'regarding.namespace',
    'regarding.name',
    'regarding.uid',
    'regarding.apiVersion',
    'regarding.resourceVersion',
    'regarding.fieldPath',
    'reason',
    'reportingController',
    'type',
  ),
  nameFormat: 'dns1123-subdomain',
  applyDefaults: applyEventsV1Defaults,
  validate: validateEventsV1Event,
};
