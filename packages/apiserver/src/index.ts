/** Contract: createApiServer builds the Fastify app (routes, admission, watch) over a store. */
export type { ApiServerOptions } from './options';
export { createApiServer } from './server';
