/** The object changes behind `rollout restart|pause|resume` (kubectl's ObjectRestarter/Pauser/Resumer). */
import type { KObject } from '@mk/api';

/** The type of the object being changed. */
export interface MutatedType {
  group: string;
  kind: string;
}

/**
 * Returns the changed copy of `obj`, or throws an Error whose message kubectl prints after the
 * object's name ("is already paused", "restarting is not supported").
 */
export type ObjectMutator = (obj: KObject, type: MutatedType) => KObject;

/** Deployment in any group kubectl's typed switch knows. */
export function isDeployment(t: MutatedType): boolean {
  return (t.group === 'apps' || t.group === 'extensions') && t.kind === 'Deployment';
}
