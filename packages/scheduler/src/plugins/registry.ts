/**
 * The default profile (apis/config/v1 getDefaultPlugins): filters in upstream's
 * order — the first to reject a node names the reason users see — and score
 * plugins with upstream's weights.
 */
import type { Profile } from '../framework/profile';
import type { AnyFilterPlugin, EventRegistration, WeightedScorePlugin } from '../framework/types';
import { balancedAllocationScore } from './balanced-allocation/balanced-allocation';
import { interPodAffinityFilter } from './inter-pod-affinity/filtering';
import { interPodAffinityScore } from './inter-pod-affinity/scoring';
import { nodeAffinityFilter, nodeAffinityScore } from './node-affinity/node-affinity';
import { nodeName } from './node-name/node-name';
import { nodePorts } from './node-ports/node-ports';
import { nodeResourcesFitFilter, nodeResourcesFitScore } from './node-resources-fit/node-resources-fit';
import { nodeUnschedulable } from './node-unschedulable/node-unschedulable';
import { podTopologySpreadFilter } from './pod-topology-spread/filtering';
import { podTopologySpreadScore } from './pod-topology-spread/scoring';
import { taintTolerationFilter, taintTolerationScore } from './taint-toleration/taint-toleration';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export const defaultFilterPlugins: readonly AnyFilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  podTopologySpreadFilter,
  interPodAffinityFilter,
];

export const defaultScorePlugins: readonly WeightedScorePlugin[] = [
  { plugin: taintTolerationScore, weight: 3 },
  { plugin: nodeAffinityScore, weight: 2 },
  { plugin: nodeResourcesFitScore, weight: 1 },
  { plugin: podTopologySpreadScore, weight: 2 },
  { plugin: interPodAffinityScore, weight: 2 },
  { plugin: balancedAllocationScore, weight: 1 },
];

/** The default profile for a scheduler name. */
export function defaultProfile(schedulerName = DEFAULT_SCHEDULER_NAME): Profile {
  return { schedulerName, filters: defaultFilterPlugins, scores: defaultScorePlugins };
}

/** EventsToRegister of a profile's filter plugins, keyed by plugin name (what the queue matches events against). */
export function eventRegistrations(profile: Profile): Map<string, readonly EventRegistration[]> {
  return new Map(profile.filters.map((p) => [p.name, p.events]));
}
