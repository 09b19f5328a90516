/** Informers: list-and-watch caches with handlers and indexes, and a factory that shares them. */
export * from './types';
export { createInformer, type InformerOptions } from './informer';
export { createInformerFactory, targetKey, type InformerFactory } from './factory';
export { deepFreeze } from './deep-freeze';
export { NAMESPACE_INDEX } from './cache-store';
