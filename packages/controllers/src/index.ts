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
export { nodeLifecycleController, NODE_LIFECYCLE_CONTROLLER } from './node-lifecycle/controller';
export { taintEvictionController, TAINT_EVICTION_CONTROLLER } from './taint-eviction/controller';
export { disruptionController, DISRUPTION_CONTROLLER } from './disruption/controller';
export * from './node-lifecycle/constants';
export { toleratesTaint } from './taint-eviction/tolerations';
