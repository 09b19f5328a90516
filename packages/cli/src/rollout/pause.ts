/** `rollout pause`'s change (polymorphichelpers defaultObjectPauser): only Deployments can be paused. */
import type { KObject } from '@mk/api';
import { isDeployment, type ObjectMutator } from './mutation-types';

/** Sets spec.paused; refuses objects already paused and kinds other than Deployment. */
export const pauseMutator: ObjectMutator = (obj, type) => {
  if (!isDeployment(type)) throw new Error('pausing is not supported');
  const copy = structuredClone(obj) as KObject & { spec?: { paused?: boolean } };
  if (copy.spec?.paused) throw new Error('is already paused');
  copy.spec = { ...copy.spec, paused: true };
  return copy;
};
