export * from './registry/types';
export * from './duration';
export * from './selectors';
export * from './quantity';
export * from './printers';
export * from './schema';
export * from './patch';
