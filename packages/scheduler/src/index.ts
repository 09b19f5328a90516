/** @mk/scheduler: kube-scheduler's default profile, queue and binding loop for mk. */
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler';

// The framework, for callers that evaluate or extend scheduling decisions.
export { Status, type StatusCode } from './framework/status';
export { MAX_NODE_SCORE, SKIP, ActionType, type FilterPlugin, type ScorePlugin, type Snapshot, type ClusterEvent, type EventRegistration } from './framework/types';
export type { Profile } from './framework/profile';
export { defaultProfile, defaultFilterPlugins, defaultScorePlugins, DEFAULT_SCHEDULER_NAME } from './plugins/registry';
export { SchedulingAlgorithm, type ScheduleOutcome } from './core/schedule-pod';
export { fitErrorMessage, truncateMessage, NodeToStatus, newDiagnosis, type Diagnosis } from './core/fit-error';
export { SchedulerCache } from './cache/scheduler-cache';
export { NodeInfo } from './cache/node-info';
export { newPodInfo, type PodInfo } from './cache/pod-info';
export { podRequests } from './cache/pod-requests';
