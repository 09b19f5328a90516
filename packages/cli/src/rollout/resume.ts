/** `rollout resume`'s change (polymorphichelpers defaultObjectResumer): only Deployments can be resumed. */
import type { KObject } from '@mk/api';
import { isDeployment, type ObjectMutator } from './mutation-types';

/**
 * Clears spec.paused; refuses objects that are not paused. The field is dropped rather than set to
 * false because kubectl encodes the typed object, whose `paused` is omitted when false, so its
 * patch reads `{"spec":{"paused":null}}`.
 */
export const resumeMutator: ObjectMutator = (obj, type) => {
  if (!isDeployment(type)) throw new Error('resuming is not supported');
  const copy = structuredClone(obj) as KObject & { spec?: { paused?: boolean } };
  if (!copy.spec?.paused) throw new Error('is not paused');
  delete copy.spec.paused;
  return copy;
};
