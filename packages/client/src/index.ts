/** @mk/client: the REST client, watch, discovery and kubeconfig handling every mk component uses. */
export * from './types';
export { createClient, type ClientDeps } from './rest-client';
export { Limiter } from './limiter';
export { createTransport, type Transport, type TransportOptions, type WireRequest, type WireResponse } from './transport';
export { ApiError, isApiError, isNotFound, isAlreadyExists, isConflict, isInvalid, isForbidden, isNamespaceTerminating, addSourceToError } from './api-error';
export { TransportError, isTransportError } from './transport-error';
export { statusFromErrorResponse, type ErrorResponse } from './error-status';
export { resourcePath, parseResourcePath } from './resource-path';
export { AGGREGATED_DISCOVERY_ACCEPT, flattenDiscovery, isAggregatedDiscovery, type APIGroupDiscoveryList } from './discovery';
export { DISCOVERY_CACHE_TTL_MS, createDiscoveryCache, discoveryCacheFile, discoveryCacheKey, type DiscoveryCache, type DiscoveryCacheOptions } from './discovery-cache';
export { JsonLineSplitter } from './json-lines';
export { parseGoDuration, parseRequestTimeout } from './duration';
export * from './mk-home';
export * from './kubeconfig';
export * from './informer';
export * from './workqueue';
export * from './events';
