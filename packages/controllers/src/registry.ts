/** The controllers mk's controller manager knows, by their kube-controller-manager names. */
import type { ControllerDefinition } from './framework/types';
import { daemonSetController } from './daemonset/controller';
import { deploymentController } from './deployment/controller';
import { cronJobController } from './cronjob/controller';
import { disruptionController } from './disruption/controller';
import { jobController } from './job/controller';
import { garbageCollectorController } from './garbage-collector/controller';
import { namespaceController } from './namespace/controller';
import { podGarbageCollectorController } from './pod-gc/controller';
import { nodeLifecycleController } from './node-lifecycle/controller';
import { statefulSetController } from './statefulset/controller';
import { replicaSetController, replicationControllerController } from './replicaset/controller';
import { taintEvictionController } from './taint-eviction/controller';
import { ttlAfterFinishedController } from './ttl-after-finished/controller';

export const builtinControllers: readonly ControllerDefinition[] = [
  nodeLifecycleController,
  taintEvictionController,
  disruptionController,
  replicaSetController,
  replicationControllerController,
  deploymentController,
  daemonSetController,
  statefulSetController,
  jobController,
  cronJobController,
  ttlAfterFinishedController,
  garbageCollectorController,
  namespaceController,
  podGarbageCollectorController,
];
