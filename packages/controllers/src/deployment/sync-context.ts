/**
 * What one Deployment sync works with: the cached world, the write port, the
 * event sink and the time, plus the Deployment itself as a working copy
 * whose status and annotations the steps change and save (upstream mutates
 * its deep copy and calls UpdateStatus the same way).
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { refTo } from '../framework/events';
import type { EventSink } from '../framework/types';
import { REVISION_ANNOTATION } from './constants';
import type { D } from './fenceposts';
import type { RS } from './replica-sets';
import type { DeploymentWrites } from './writes';

/** Everything one sync reads and writes through. */
export interface SyncDeps {
  writes: DeploymentWrites;
  events: EventSink;
  log(message: string): void;
  now: Date;
  /** The ReplicaSets of the Deployment's namespace, from the cache. */
  replicaSets: readonly RS[];
  /** A ReplicaSet of the namespace by name, from the cache as it is now (it may have caught up since the sync began). */
  replicaSet(name: string): RS | undefined;
  /** The pods of the Deployment's namespace, from the cache (Recreate waits for old ones). */
  pods: readonly Readonly<Pod>[];
}

/** The Deployment being synced: `d` is the working copy, `base` the last stored version. */
export class WorkingDeployment {
  d: Deployment;
  private base: D;

  constructor(
    private readonly writes: DeploymentWrites,
    stored: D,
  ) {
    this.base = stored;
    this.d = structuredClone(stored) as Deployment;
  }

  /** Writes the working copy's annotations and status; later writes start from what the server returned. */
  async save(): Promise<void> {
    this.base = await this.writes.updateDeployment(this.base, this.d);
    this.d = structuredClone(this.base) as Deployment;
  }

  /** SetDeploymentRevision: true when the revision annotation changed. */
  setRevision(revision: string): boolean {
    const annotations = (this.d.metadata!.annotations ??= {});
    if (annotations[REVISION_ANNOTATION] === revision) return false;
    annotations[REVISION_ANNOTATION] = revision;
    return true;
  }

  /** The mutable status (created when absent). */
  get status() {
    return (this.d.status ??= {});
  }
}

/** Records a Deployment event. */
export function deploymentEvent(deps: SyncDeps, d: D, type: 'Normal' | 'Warning', reason: string, message: string): void {
  deps.events({ regarding: refTo(d, 'apps/v1', 'Deployment'), type, reason, message });
}
