/** A scheduling profile: the filter plugins in order and the weighted score plugins (KubeSchedulerProfile). */
import type { AnyFilterPlugin, WeightedScorePlugin } from './types';

export interface Profile {
  /** Pods with this spec.schedulerName belong to the profile. */
  schedulerName: string;
  /** Run in order; the first rejection is the node's status. */
  filters: readonly AnyFilterPlugin[];
  scores: readonly WeightedScorePlugin[];
  /** percentageOfNodesToScore; 0 (default) is upstream's adaptive 50% − nodes/125, at least 5%. */
  percentageOfNodesToScore?: number;
}
