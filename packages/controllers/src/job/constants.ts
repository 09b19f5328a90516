/** Names, reasons and limits of the Job controller (upstream k8s.io/api/batch/v1 and pkg/controller/job). */

export const JOB_API_VERSION = 'batch/v1';
export const JOB_KIND = 'Job';

/** The finalizer that keeps a finished pod around until the Job has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** Annotation and (PodIndexLabel, GA in 1.32) label carrying an Indexed Job pod's completion index. */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** Counts of counted and ignored failures of an index so far (backoffLimitPerIndex). */
export const JOB_INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const JOB_INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';
/** The env var Indexed Job containers get, pointing at the completion index label. */
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** spec.managedBy value meaning "this controller" (JobManagedBy, beta in 1.32). */
export const JOB_CONTROLLER_MANAGED_BY = 'kubernetes.io/job-controller';

/** Job condition types. */
export const COMPLETE = 'Complete';
export const FAILED = 'Failed';
export const SUSPENDED = 'Suspended';
export const FAILURE_TARGET = 'FailureTarget';
export const SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet';

/** Job condition reasons (batch/v1 JobReason*). */
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const REASON_MAX_FAILED_INDEXES_EXCEEDED = 'MaxFailedIndexesExceeded';
export const REASON_FAILED_INDEXES = 'FailedIndexes';
export const REASON_SUCCESS_POLICY = 'SuccessPolicy';
export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';

export const MESSAGE_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
export const MESSAGE_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';
export const MESSAGE_MAX_FAILED_INDEXES_EXCEEDED = 'Job has exceeded the specified maximal number of failed indexes';
export const MESSAGE_FAILED_INDEXES = 'Job has failed indexes';
export const MESSAGE_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';

/** Pod failure backoff: 10 s doubled per consecutive failure, capped (upstream DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff). */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;
/** Upstream syncJobBatchPeriod: a delayed sync is never sooner than this. */
export const SYNC_BATCH_PERIOD_MS = 1_000;
/** Cap on .status.uncountedTerminatedPods entries per sync (keeps the status under ~20 KB). */
export const MAX_UNCOUNTED_PODS = 500;
/** Cap on pod creations or deletions per sync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** Creations start with one pod and double per successful batch (controller.SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** apiserver names.MaxGeneratedNameLength: 63 minus the 5 random characters. */
export const MAX_GENERATED_NAME_LENGTH = 58;
