/** The kind registry: every served kind as data, and lookups by resource or by kind. */
import type { KindInfo } from './types';
import { configMap } from './kinds/configmap';
import { controllerRevision } from './kinds/controllerrevision';
import { cronJob } from './kinds/cronjob';
import { daemonSet } from './kinds/daemonset';
import { deployment } from './kinds/deployment';
import { endpoints } from './kinds/endpoints';
import { event } from './kinds/event';
import { eventsEvent } from './kinds/events-event';
import { horizontalPodAutoscaler } from './kinds/horizontalpodautoscaler';
import { ingress } from './kinds/ingress';
import { ingressClass } from './kinds/ingressclass';
import { job } from './kinds/job';
import { lease } from './kinds/lease';
import { namespace } from './kinds/namespace';
import { node } from './kinds/node';
import { persistentVolume } from './kinds/persistentvolume';
import { persistentVolumeClaim } from './kinds/persistentvolumeclaim';
import { pod } from './kinds/pod';
import { podDisruptionBudget } from './kinds/poddisruptionbudget';
import { replicaSet } from './kinds/replicaset';
import { replicationController } from './kinds/replicationcontroller';
import { secret } from './kinds/secret';
import { service } from './kinds/service';
import { serviceAccount } from './kinds/serviceaccount';
import { statefulSet } from './kinds/statefulset';

// Core first, then groups in upstream's discovery priority order.
const KINDS: readonly KindInfo[] = Object.freeze([
  namespace,
  node,
  pod,
  service,
  endpoints,
  configMap,
  secret,
  event,
  serviceAccount,
  replicationController,
  persistentVolumeClaim,
  persistentVolume,
  deployment,
  replicaSet,
  statefulSet,
  daemonSet,
  controllerRevision,
  eventsEvent,
  horizontalPodAutoscaler,
  job,
  cronJob,
  ingress,
  ingressClass,
  podDisruptionBudget,
  lease,
]);

const byResource = new Map(KINDS.map((k) => [`${k.group}/${k.version}/${k.plural}`, k]));
const byKind = new Map(KINDS.map((k) => [`${k.group}/${k.version}/${k.kind}`, k]));

/** Every served kind, core first. */
export function allKinds(): readonly KindInfo[] {
  return KINDS;
}

/** The kind served at group/version/plural (group '' for core). */
export function findKind(group: string, version: string, plural: string): KindInfo | undefined {
  return byResource.get(`${group}/${version}/${plural}`);
}

/** The kind with this group, version and Kind name. */
export function findKindByGVK(group: string, version: string, kind: string): KindInfo | undefined {
  return byKind.get(`${group}/${version}/${kind}`);
}

/** The served group versions, core (`v1`) first. */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Set<string>();
  const out: { group: string; version: string }[] = [];
  for (const k of KINDS) {
    const key = `${k.group}/${k.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ group: k.group, version: k.version });
  }
  return out;
}

/** The apiVersion objects of a kind carry: `apps/v1` for a grouped kind, `v1` for core. */
export function apiVersionOf(info: Pick<KindInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** The resource as messages name it: `pods`, `deployments.apps`. */
export function qualifiedResource(info: Pick<KindInfo, 'plural' | 'group'>): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}
