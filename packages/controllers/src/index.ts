/** @mk/controllers: the controller framework, the controller manager and its controllers. */
export type { ControllerContext, ControllerDefinition, EventSink, Reconciler, Typed, Watch } from './framework/types';
export type { EventSpec, ObjectRef } from './framework/events';
export { refTo } from './framework/events';
export { isControllerEnabled, selectControllers } from './framework/select';
export { wireReconciler, type WiredReconciler } from './framework/run-reconciler';
export { POD_NODE_NAME_INDEX, podNodeNameIndex, isPodReady } from './framework/pods';
export { createControllerManager, type ControllerManager, type ControllerManagerOptions } from './manager';
export { createLeaderElectedManager, leaderIdentity, type LeaderElectedManagerOptions } from './elected-manager';
export { createLeaderElector, type LeaderElector, type LeaderElectionOptions } from './leader-election/elector';
export { runControllerManagerProcess, type ControllerManagerProcessOptions } from './process';
export { builtinControllers } from './registry';
// One export per controller, in the order of builtinControllers.
export { nodeLifecycleController, NODE_LIFECYCLE_CONTROLLER } from './node-lifecycle/controller';
export { taintEvictionController, TAINT_EVICTION_CONTROLLER } from './taint-eviction/controller';
export { disruptionController, DISRUPTION_CONTROLLER } from './disruption/controller';
export { replicaSetController, replicationControllerController, REPLICASET_CONTROLLER, REPLICATION_CONTROLLER_CONTROLLER } from './replicaset/controller';
export { deploymentController, DEPLOYMENT_CONTROLLER } from './deployment/controller';
export { daemonSetController, DAEMON_SET_CONTROLLER } from './daemonset/controller';
export { statefulSetController, STATEFUL_SET_CONTROLLER } from './statefulset/controller';
export { jobController, JOB_CONTROLLER } from './job/controller';
export { cronJobController, CRON_JOB_CONTROLLER } from './cronjob/controller';
export { ttlAfterFinishedController, TTL_AFTER_FINISHED_CONTROLLER } from './ttl-after-finished/controller';
export { garbageCollectorController, GARBAGE_COLLECTOR_CONTROLLER } from './garbage-collector/controller';
export { namespaceController, NAMESPACE_CONTROLLER } from './namespace/controller';
export { podGarbageCollectorController, POD_GARBAGE_COLLECTOR_CONTROLLER } from './pod-gc/controller';
export * from './node-lifecycle/constants';
export { toleratesTaint } from './taint-eviction/tolerations';
