/**
 * Names the deployment controller shares with kubectl and users: labels and
 * annotations on ReplicaSets (pkg/controller/deployment/util), and the
 * condition reasons of a Deployment's status.
 */

/** apps.DefaultDeploymentUniqueLabelKey: the label that keeps the ReplicaSets of one Deployment apart. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The rollout sequence number of a ReplicaSet (and, copied, of its Deployment). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** Earlier revision numbers of a ReplicaSet that became the new one again (a rollback). */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** The Deployment's spec.replicas when the ReplicaSet was last sized: tells scaling apart from rolling. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** spec.replicas + maxSurge at that time: the base of proportional scaling. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** extensions/v1beta1's rollback request; never copied to ReplicaSets. */
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
/** kubectl client-side apply's record; never copied to ReplicaSets. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Limit of the revision-history annotation, in characters (upstream maxRevHistoryLengthInChars). */
export const MAX_REVISION_HISTORY_CHARS = 2000;

/** Reasons of the Progressing and Available conditions (deployment util). */
export const Reason = {
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** Reasons of the events the controller records on Deployments. */
export const EventReason = {
  ScalingReplicaSet: 'ScalingReplicaSet',
  SelectingAll: 'SelectingAll',
  FailedRSCreate: 'ReplicaSetCreateError',
} as const;

/** progressDeadlineSeconds and revisionHistoryLimit use MaxInt32 for "never" / "keep all". */
export const MAX_INT32 = 2147483647;
