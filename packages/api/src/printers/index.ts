/**
 * Server-side printing: the Table columns and cells `kubectl get` shows, per
 * kind, as Kubernetes 1.32 prints them (pkg/printers/internalversion). The
 * server always prints wide; kubectl hides priority-1 columns itself.
 */
import type { KindPrinter } from '../registry/types';
import { configMapPrinter } from './configMap';
import { controllerRevisionPrinter } from './controllerRevision';
import { cronJobPrinter } from './cronJob';
import { daemonSetPrinter } from './daemonSet';
import { defaultPrinter } from './defaultPrinter';
import { deploymentPrinter } from './deployment';
import { endpointsPrinter } from './endpoints';
import { eventPrinter, eventsV1EventPrinter } from './event';
import { horizontalPodAutoscalerPrinter } from './horizontalPodAutoscaler';
import { ingressPrinter } from './ingress';
import { ingressClassPrinter } from './ingressClass';
import { jobPrinter } from './job';
import { leasePrinter } from './lease';
import { namespacePrinter } from './namespace';
import { nodePrinter } from './node';
import { persistentVolumePrinter } from './persistentVolume';
import { persistentVolumeClaimPrinter } from './persistentVolumeClaim';
import { podPrinter } from './pod';
import { podDisruptionBudgetPrinter } from './podDisruptionBudget';
import { replicaSetPrinter } from './replicaSet';
import { replicationControllerPrinter } from './replicationController';
import { secretPrinter } from './secret';
import { servicePrinter } from './service';
import { serviceAccountPrinter } from './serviceAccount';
import { statefulSetPrinter } from './statefulSet';

/** Printers by `group/Kind` ('' is the core group). */
const PRINTERS: Record<string, KindPrinter> = {
  '/Pod': podPrinter,
  '/Node': nodePrinter,
  '/Namespace': namespacePrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  '/ConfigMap': configMapPrinter,
  '/Secret': secretPrinter,
  '/Event': eventPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  '/ReplicationController': replicationControllerPrinter,
  '/PersistentVolumeClaim': persistentVolumeClaimPrinter,
  '/PersistentVolume': persistentVolumePrinter,
  'events.k8s.io/Event': eventsV1EventPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/StatefulSet': statefulSetPrinter,
  'apps/DaemonSet': daemonSetPrinter,
  'apps/ControllerRevision': controllerRevisionPrinter,
  'batch/Job': jobPrinter,
  'batch/CronJob': cronJobPrinter,
  'networking.k8s.io/Ingress': ingressPrinter,
  'networking.k8s.io/IngressClass': ingressClassPrinter,
  'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerPrinter,
  'policy/PodDisruptionBudget': podDisruptionBudgetPrinter,
};

/** The printer for a kind; upstream's generic NAME / CREATED AT table when there is none. */
export function printerFor(group: string, kind: string): KindPrinter {
  return PRINTERS[`${group}/${kind}`] ?? defaultPrinter;
}

/** Whether a kind has a dedicated printer (false means printerFor returns defaultPrinter). */
export function hasPrinter(group: string, kind: string): boolean {
  return `${group}/${kind}` in PRINTERS;
}

export { defaultPrinter, customResourcePrinter } from './defaultPrinter';
export { summarizePod, type PodSummary } from './podStatus';
export { nodeRoles } from './node';
export { GoFloat, isGoInt, goFormatFloat, goSprint, goSharpV, goTypeName } from './goValue';
