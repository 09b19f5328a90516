/** The figures `npm run bench` measures, in order. Add a figure here after writing it under ./figures. */
import type { Figure } from './figure';
import { deploymentAvailable } from './figures/deployment-available';
import { mkUp } from './figures/mk-up';
import { schedulerThroughput } from './figures/scheduler-throughput';

export const figures: Figure[] = [mkUp, schedulerThroughput, deploymentAvailable];
