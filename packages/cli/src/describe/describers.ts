/** Which describer handles which group/kind (kubectl's describerMap); everything else is generic. */
import type { KObject } from '@mk/api';
import { describeConfigMap, describeSecret } from './configmap';
import { describeCronJob } from './cronjob';
import { describeDaemonSet } from './daemonset';
import { describeDeployment } from './deployment';
import { describeEndpoints } from './endpoints';
import type { DescribeEnv } from './env';
import { describeGeneric } from './generic';
import { describeJob } from './job';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeReplicaSet } from './replicaset';
import { describeService } from './service';
import { describeServiceAccount } from './serviceaccount';
import { describeStatefulSet } from './statefulset';

/** Renders one object's description. */
export type Describer = (env: DescribeEnv, obj: KObject) => Promise<string>;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/Endpoints': describeEndpoints,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
};

/** The describer for a group and kind. */
export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? describeGeneric;
}
