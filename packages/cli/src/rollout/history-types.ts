/** What `rollout history` asks of each kind (polymorphichelpers HistoryViewer). */
import type { KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';

/** Reads a workload's revision history. */
export interface HistoryViewer {
  /** ViewHistory: the REVISION/CHANGE-CAUSE table, or the Pod Template of `revision` when it is > 0. */
  view(client: ApiClient, namespace: string, name: string, revision: number): Promise<string>;
  /** GetHistory: the object behind each revision (a ReplicaSet, or the workload as of that revision). */
  objects(client: ApiClient, namespace: string, name: string): Promise<Map<number, KObject>>;
}
