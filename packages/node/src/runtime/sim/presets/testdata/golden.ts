/** The shape of a golden timeline: an input pod, how long it runs, and what must happen when. */
import type { KObject } from '@mk/api';
import type { TimelineEntry } from './drive';

/** One golden timeline. */
export interface GoldenCase {
  name: string;
  pod: KObject;
  horizonMs: number;
  stopAtMs?: number;
  timeline: TimelineEntry[];
}

/** The timeline line of the failing pull of nginx:9.9. */
export const PULL_FAILED_NGINX_9_9 =
  'pull failed nginx:9.9: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.9": simulated pull failure';
