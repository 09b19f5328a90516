/** Events: a recorder that writes and aggregates core/v1 Events as upstream components do. */
export * from './types';
export { createEventRecorder, type EventRecorderOptions } from './recorder';
export { referenceTo, makeEvent, formatTime, createEventNamer } from './make-event';
export { EventCorrelator, type CorrelatorOptions, type Correlated } from './correlator';
export type { EventPatch } from './event-log';
