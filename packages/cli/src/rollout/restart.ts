/** `rollout restart`'s change (polymorphichelpers defaultObjectRestarter): stamp the pod template so its pods are replaced. */
import type { KObject } from '@mk/api';
import { isDeployment, type MutatedType, type ObjectMutator } from './mutation-types';

/** The pod-template annotation whose new value triggers a rolling restart. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

function restartable(t: MutatedType): boolean {
  if (isDeployment(t)) return true;
  if ((t.group === 'apps' || t.group === 'extensions') && t.kind === 'DaemonSet') return true;
  return t.group === 'apps' && t.kind === 'StatefulSet';
}

/** The restart change for a timestamp (RFC 3339, local zone as kubectl writes it). */
export function restartMutator(timestamp: string): ObjectMutator {
  return (obj, type) => {
    if (!restartable(type)) throw new Error('restarting is not supported');
    const copy = structuredClone(obj) as KObject & { spec?: { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } };
    if (isDeployment(type) && copy.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
    const spec = (copy.spec ??= {});
    const template = (spec.template ??= {});
    const metadata = (template.metadata ??= {});
    metadata.annotations = { ...metadata.annotations, [RESTARTED_AT_ANNOTATION]: timestamp };
    return copy;
  };
}
