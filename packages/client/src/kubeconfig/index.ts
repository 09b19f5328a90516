/** Kubeconfig: kubectl's file locations, merging and context resolution, and mk's own cluster kubeconfig. */
export * from './types';
export * from './errors';
export * from './paths';
export * from './file';
export * from './merge';
export * from './resolve';
export * from './load';
export * from './build';
