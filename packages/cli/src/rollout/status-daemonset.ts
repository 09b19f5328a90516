/** `rollout status` for DaemonSets (polymorphichelpers DaemonSetStatusViewer); DaemonSets ignore --revision. */
import type { KObject } from '@mk/api';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { num, type RolloutStatus } from './status-types';

/** The daemon set's rollout progress, in kubectl's words. */
export function daemonSetStatus(obj: KObject): RolloutStatus {
  const ds = obj as DaemonSet;
  // kubectl names the StatefulSet constant here; both are "RollingUpdate".
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const name = JSON.stringify(ds.metadata?.name ?? '');
  const status = ds.status;
  if (num(ds.metadata?.generation) > num(status?.observedGeneration)) {
    return { message: 'Waiting for daemon set spec update to be observed...', done: false };
  }
  const desired = num(status?.desiredNumberScheduled);
  const updated = num(status?.updatedNumberScheduled);
  const available = num(status?.numberAvailable);
  if (updated < desired) {
    return { message: `Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false };
  }
  if (available < desired) {
    return { message: `Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`, done: false };
  }
  return { message: `daemon set ${name} successfully rolled out`, done: true };
}
