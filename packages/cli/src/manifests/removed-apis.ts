/**
 * API versions Kubernetes stopped serving (up to 1.32), with the version that replaced each kind.
 * Old tutorials still carry them; kubectl only says "no matches for kind", so mk adds a hint line.
 * Source: the Kubernetes deprecated API migration guide.
 */

/** One removed group/version of a kind and where it went. */
export interface RemovedApi {
  kind: string;
  apiVersion: string;
  /** The Kubernetes minor release that stopped serving it. */
  removedIn: string;
  /** The apiVersion to use instead; undefined when the kind was removed without a replacement. */
  replacement?: string;
}

const entries: [removedIn: string, replacement: string | undefined, apiVersions: string[], kinds: string[]][] = [
  ['1.16', 'apps/v1', ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'], ['Deployment', 'DaemonSet', 'ReplicaSet']],
  ['1.16', 'apps/v1', ['apps/v1beta1', 'apps/v1beta2'], ['StatefulSet', 'ControllerRevision']],
  ['1.16', 'networking.k8s.io/v1', ['extensions/v1beta1'], ['NetworkPolicy']],
  ['1.22', 'networking.k8s.io/v1', ['extensions/v1beta1', 'networking.k8s.io/v1beta1'], ['Ingress']],
  ['1.22', 'networking.k8s.io/v1', ['networking.k8s.io/v1beta1'], ['IngressClass']],
  ['1.22', 'apiextensions.k8s.io/v1', ['apiextensions.k8s.io/v1beta1'], ['CustomResourceDefinition']],
  ['1.22', 'admissionregistration.k8s.io/v1', ['admissionregistration.k8s.io/v1beta1'], ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']],
  ['1.22', 'apiregistration.k8s.io/v1', ['apiregistration.k8s.io/v1beta1'], ['APIService']],
  ['1.22', 'authentication.k8s.io/v1', ['authentication.k8s.io/v1beta1'], ['TokenReview']],
  ['1.22', 'authorization.k8s.io/v1', ['authorization.k8s.io/v1beta1'], ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview']],
  ['1.22', 'certificates.k8s.io/v1', ['certificates.k8s.io/v1beta1'], ['CertificateSigningRequest']],
  ['1.22', 'coordination.k8s.io/v1', ['coordination.k8s.io/v1beta1'], ['Lease']],
  ['1.22', 'rbac.authorization.k8s.io/v1', ['rbac.authorization.k8s.io/v1beta1'], ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']],
  ['1.22', 'scheduling.k8s.io/v1', ['scheduling.k8s.io/v1beta1'], ['PriorityClass']],
  ['1.22', 'storage.k8s.io/v1', ['storage.k8s.io/v1beta1'], ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment']],
  ['1.25', 'batch/v1', ['batch/v1beta1'], ['CronJob']],
  ['1.25', 'discovery.k8s.io/v1', ['discovery.k8s.io/v1beta1'], ['EndpointSlice']],
  ['1.25', 'events.k8s.io/v1', ['events.k8s.io/v1beta1'], ['Event']],
  ['1.25', 'autoscaling/v2', ['autoscaling/v2beta1'], ['HorizontalPodAutoscaler']],
  ['1.25', 'policy/v1', ['policy/v1beta1'], ['PodDisruptionBudget']],
  ['1.25', undefined, ['policy/v1beta1', 'extensions/v1beta1'], ['PodSecurityPolicy']],
  ['1.25', 'node.k8s.io/v1', ['node.k8s.io/v1beta1'], ['RuntimeClass']],
  ['1.26', 'autoscaling/v2', ['autoscaling/v2beta2'], ['HorizontalPodAutoscaler']],
  ['1.26', 'flowcontrol.apiserver.k8s.io/v1', ['flowcontrol.apiserver.k8s.io/v1beta1'], ['FlowSchema', 'PriorityLevelConfiguration']],
  ['1.27', 'storage.k8s.io/v1', ['storage.k8s.io/v1beta1'], ['CSIStorageCapacity']],
  ['1.29', 'flowcontrol.apiserver.k8s.io/v1', ['flowcontrol.apiserver.k8s.io/v1beta2'], ['FlowSchema', 'PriorityLevelConfiguration']],
  ['1.32', 'flowcontrol.apiserver.k8s.io/v1', ['flowcontrol.apiserver.k8s.io/v1beta3'], ['FlowSchema', 'PriorityLevelConfiguration']],
];

/** Every removed (apiVersion, kind) pair. */
export const REMOVED_APIS: readonly RemovedApi[] = entries.flatMap(([removedIn, replacement, apiVersions, kinds]) =>
  apiVersions.flatMap((apiVersion) => kinds.map((kind) => ({ kind, apiVersion, removedIn, replacement }))),
);

/** The removal record for this apiVersion and kind, if Kubernetes stopped serving it. */
export function findRemovedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.find((r) => r.apiVersion === apiVersion && r.kind === kind);
}

/** mk's extra line after kubectl's "no matches for kind" error, or undefined when the version was never removed. */
export function removedApiHint(apiVersion: string, kind: string): string | undefined {
  const removed = findRemovedApi(apiVersion, kind);
  if (!removed) return undefined;
  if (!removed.replacement) return `hint: ${kind} ${apiVersion} was removed in Kubernetes ${removed.removedIn} without a replacement`;
  return `hint: ${kind} is served as ${removed.replacement} since Kubernetes ${removed.removedIn}; change apiVersion to ${removed.replacement}`;
}
