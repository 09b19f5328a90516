/** Small helpers for the writes appliers make. */
import { isNotFound } from '@mk/client';

export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';

/** Awaits p; a NotFound means the object is gone, which for a controller is success (undefined). */
export async function ignoreNotFound<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
