/** The result of reading one rollout's progress from its object (kubectl's StatusViewer.Status). */
import type { KObject } from '@mk/api';

/** A progress line (without its newline) and whether the rollout is finished, or the error that ends the watch. */
export type RolloutStatus = { message: string; done: boolean } | { error: string };

/** Reads a workload's rollout status; `revision` > 0 pins the watch to that revision (Deployments only). */
export type StatusViewer = (obj: KObject, revision: number) => RolloutStatus;

/** The status fields the viewers read, with the API's zero values for missing ones. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
