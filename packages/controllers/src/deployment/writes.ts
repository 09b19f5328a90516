/**
 * The writes a Deployment sync makes, as a port: apply.ts implements it over
 * the API, tests over an in-memory fake. Every update carries the
 * resourceVersion it was computed from, so a sync working from a stale cache
 * fails with a conflict and is retried instead of undoing newer writes.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { D } from './fenceposts';
import type { RS } from './replica-sets';

/** The API writes (and the one uncached read) of a Deployment sync. */
export interface DeploymentWrites {
  /** POST; rejects with the API error (AlreadyExists on a name collision). */
  createReplicaSet(rs: ReplicaSet): Promise<RS>;
  /** PUT of the whole object at its resourceVersion; resolves to the stored object. */
  updateReplicaSet(rs: ReplicaSet): Promise<RS>;
  /** DELETE; a ReplicaSet already gone is success. */
  deleteReplicaSet(rs: RS): Promise<void>;
  /**
   * Stores next's annotations and status over base (what the server last
   * returned): upstream does both with one UpdateStatus, since the
   * Deployment status strategy keeps annotations from the request.
   */
  updateDeployment(base: D, next: Deployment): Promise<D>;
  /** An uncached read, to recheck that a Deployment is not being deleted before it adopts. */
  getDeployment(namespace: string, name: string): Promise<D | undefined>;
  /** Adds the controller reference to an orphan; false when the orphan is gone. */
  adoptReplicaSet(d: D, rs: RS): Promise<boolean>;
  /** Removes the Deployment's reference from a ReplicaSet it no longer selects. */
  releaseReplicaSet(d: D, rs: RS): Promise<void>;
}
