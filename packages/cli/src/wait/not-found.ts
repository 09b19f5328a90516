/** The NotFound error kubectl builds itself (apierrors.NewNotFound) when a watched object is gone. */
import { qualifiedResource } from '@mk/api';
import { ApiError } from '@mk/client';
import type { Target } from '../mutate/targets';

/** `pods "x" not found` / `deployments.apps "web" not found`, as a NotFound Status. */
export function notFoundError(target: Target): ApiError {
  const r = target.resource;
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${qualifiedResource(r)} ${JSON.stringify(target.name)} not found`,
    reason: 'NotFound',
    details: { name: target.name, group: r.group || undefined, kind: r.plural },
    code: 404,
  });
}

export { timeoutError } from '../mutate/wait-deleted';
