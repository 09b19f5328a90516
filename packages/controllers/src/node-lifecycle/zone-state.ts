/**
 * Zone disruption (upstream handleDisruption/ComputeZoneState): when a whole
 * zone stops answering, the likelier culprit is the network between it and
 * the control plane, not every node at once, so evicting everything would do
 * harm. Nodes are grouped by zone; the zone's state decides whether new
 * NoExecute taints may be added.
 */
import type { Node } from 'kubernetes-types/core/v1';
import { LABEL_EXCLUDE_DISRUPTION, LARGE_CLUSTER_THRESHOLD, UNHEALTHY_ZONE_THRESHOLD } from './constants';

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

/**
 * What the controller may do with the NoExecute not-ready/unreachable taints:
 * `taint` add them as the Ready condition says; `hold` keep and swap existing
 * ones but add none (a small, partially disrupted zone); `untaint` remove them
 * all ("master disruption mode": every zone is fully disrupted).
 */
export type NoExecuteGate = 'taint' | 'hold' | 'untaint';

export interface ZoneSummary {
  state: ZoneState;
  /** Nodes counted in the zone. */
  size: number;
}

export interface ClusterDisruption {
  zones: Map<string, ZoneSummary>;
  /** No zone has a Ready node. */
  allFullyDisrupted: boolean;
}

/** component-helpers GetZoneKey: region and zone (stable labels, falling back to the beta ones) or '' when neither is set. */
export function zoneKeyOf(node: Readonly<Node>): string {
  const labels = node.metadata?.labels ?? {};
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  if (!region && !zone) return '';
  // The NUL keeps "a:b" + "c" apart from "a" + "b:c", as upstream.
  return `${region}:\x00:${zone}`;
}

/** Nodes labelled node.kubernetes.io/exclude-disruption do not count towards their zone's state. */
export function isExcludedFromDisruption(node: Readonly<Node>): boolean {
  return Object.prototype.hasOwnProperty.call(node.metadata?.labels ?? {}, LABEL_EXCLUDE_DISRUPTION);
}

/** A zone is fully disrupted with no Ready node, partially with more than 2 and at least 55% not Ready. */
export function computeZoneState(readyStatuses: readonly (string | undefined)[]): ZoneState {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/** Zone states of the cluster from each node's Ready status (as assessed this pass). */
export function assessDisruption(nodes: readonly { node: Readonly<Node>; readyStatus?: string }[]): ClusterDisruption {
  const byZone = new Map<string, (string | undefined)[]>();
  for (const { node, readyStatus } of nodes) {
    if (isExcludedFromDisruption(node)) continue;
    const key = zoneKeyOf(node);
    if (!byZone.has(key)) byZone.set(key, []);
    byZone.get(key)!.push(readyStatus);
  }
  const zones = new Map<string, ZoneSummary>();
  for (const [key, statuses] of byZone) zones.set(key, { state: computeZoneState(statuses), size: statuses.length });
  const allFullyDisrupted = zones.size > 0 && [...zones.values()].every((z) => z.state === 'FullDisruption');
  return { zones, allFullyDisrupted };
}

/**
 * The gate for a node's zone. Upstream expresses it as the zone's tainting rate:
 * normal for Normal and FullDisruption zones, 0 for a PartialDisruption zone of
 * at most 50 nodes (a reduced rate above that), 0 everywhere in master disruption mode.
 */
export function noExecuteGateFor(disruption: ClusterDisruption, zone: string): NoExecuteGate {
  if (disruption.allFullyDisrupted) return 'untaint';
  const summary = disruption.zones.get(zone);
  if (summary?.state === 'PartialDisruption' && summary.size <= LARGE_CLUSTER_THRESHOLD) return 'hold';
  return 'taint';
}
