/** `rollout status` for Deployments (polymorphichelpers DeploymentStatusViewer). */
import type { KObject } from '@mk/api';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { revisionOf } from './revision';
import { num, type RolloutStatus } from './status-types';

/** deploymentutil.TimedOutReason: the Progressing condition's reason once progressDeadlineSeconds has passed. */
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';

/** The deployment's rollout progress, in kubectl's order of checks and words. */
export function deploymentStatus(obj: KObject, revision: number): RolloutStatus {
  const d = obj as Deployment;
  const name = JSON.stringify(d.metadata?.name ?? '');
  if (revision > 0) {
    let running: number;
    try {
      running = revisionOf(obj);
    } catch (err) {
      return { error: `cannot get the revision of deployment ${name}: ${(err as Error).message}` };
    }
    if (revision !== running) return { error: `desired revision (${revision}) is different from the running revision (${running})` };
  }
  const status = d.status ?? {};
  if (num(d.metadata?.generation) > num(status.observedGeneration)) {
    return { message: 'Waiting for deployment spec update to be observed...', done: false };
  }
  const progressing = (status.conditions ?? []).find((c) => c.type === 'Progressing');
  if (progressing?.reason === TIMED_OUT_REASON) return { error: `deployment ${name} exceeded its progress deadline` };
  const waiting = (what: string): RolloutStatus => ({ message: `Waiting for deployment ${name} rollout to finish: ${what}...`, done: false });
  const updated = num(status.updatedReplicas);
  const replicas = d.spec?.replicas;
  // A nil spec.replicas skips this check, as in kubectl (the API server always defaults it).
  if (typeof replicas === 'number' && updated < replicas) return waiting(`${updated} out of ${replicas} new replicas have been updated`);
  if (num(status.replicas) > updated) return waiting(`${num(status.replicas) - updated} old replicas are pending termination`);
  if (num(status.availableReplicas) < updated) return waiting(`${num(status.availableReplicas)} of ${updated} updated replicas are available`);
  return { message: `deployment ${name} successfully rolled out`, done: true };
}
