/** The figures `npm run bench` measures, in the order. Add a figure here after writing it under ./figures. */
import type { Figure } from './figure';
import { apiReads } from './figures/api-reads';
import { apiWrites } from './figures/api-writes';
import { cliLatency } from './figures/cli-latency';
import { deploymentAvailable } from './figures/deployment-available';
import { idleFootprint } from './figures/idle-footprint';
import { mkUp } from './figures/mk-up';
import { podStartup } from './figures/pod-startup';
import { scaleHeld } from './figures/scale-held';
import { schedulerThroughput } from './figures/scheduler-throughput';
import { watchLatency } from './figures/watch-latency';

export const figures: Figure[] = [mkUp, apiWrites, apiReads, watchLatency, schedulerThroughput, deploymentAvailable, scaleHeld, idleFootprint, cliLatency, podStartup];
