/**
 * The update strategy's budgets (upstream util.SurgeCount,
 * util.UnavailableCount, util.AllowsSurge): maxSurge and maxUnavailable are
 * counts or percentages of the nodes that should run a daemon pod, rounded up.
 * OnDelete has neither.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { scaledValue } from '../framework/int-or-percent';

type IntOrString = number | string | undefined | null;

function rollingUpdate(ds: Readonly<DaemonSet>) {
  const strategy = ds.spec?.updateStrategy;
  // The API server defaults the type to RollingUpdate; a missing one is treated the same.
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return undefined;
  return strategy?.rollingUpdate;
}

function scaled(value: IntOrString, total: number): number {
  if (value === undefined || value === null) throw new Error('nil value for IntOrString');
  return scaledValue(value, total, true);
}

/** Pods that may run in addition to one per node; throws for a malformed percentage. */
export function surgeCount(ds: Readonly<DaemonSet>, numberToSchedule: number): number {
  const r = rollingUpdate(ds);
  if (!r || r.maxSurge === undefined || r.maxSurge === null) return 0;
  return scaled(r.maxSurge, numberToSchedule);
}

/** Nodes that may be without an available daemon pod; throws for a missing or malformed value. */
export function unavailableCount(ds: Readonly<DaemonSet>, numberToSchedule: number): number {
  const r = rollingUpdate(ds);
  if (!r) return 0;
  return scaled(r.maxUnavailable, numberToSchedule);
}

/** Whether a node may hold two daemon pods during an update (any non-zero maxSurge). */
export function allowsSurge(ds: Readonly<DaemonSet>): boolean {
  try {
    return surgeCount(ds, 1) > 0;
  } catch {
    return false;
  }
}

/** Whether the strategy is OnDelete. */
export function isOnDelete(ds: Readonly<DaemonSet>): boolean {
  return ds.spec?.updateStrategy?.type === 'OnDelete';
}
