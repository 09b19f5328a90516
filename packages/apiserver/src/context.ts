/** What every handler needs: storage, the clock, and server-wide settings. */
import type { Store } from '@mk/store';
import type { AdmissionSettings } from '@mk/api';
import { ResourceStore } from './storage/resource-store';
import type { ApiServerOptions } from './options';

export interface ServerContext {
  store: Store;
  resources: ResourceStore;
  now: () => Date;
  serviceCIDR: string;
  nodePortRange: [number, number];
  /** Settings of the kinds' admission steps (DefaultTolerationSeconds). */
  admission: AdmissionSettings;
  /** Watches end after this long without timeoutSeconds (0 = never). */
  bookmarkIntervalMs: number;
}

export function createContext(opts: ApiServerOptions): ServerContext {
  const [lo, hi] = (opts.nodePortRange ?? '30000-32767').split('-').map(Number);
  return {
    store: opts.store,
    resources: new ResourceStore(opts.store),
    now: opts.now ?? (() => new Date()),
    serviceCIDR: opts.serviceCIDR ?? '10.96.0.0/16',
    nodePortRange: [lo, hi],
    admission: { defaultTolerationSeconds: opts.defaultTolerationSeconds ?? 300 },
    bookmarkIntervalMs: 60_000,
  };
}
