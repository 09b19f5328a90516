export * from './registry/types';
