/**
 * Pod failure backoff (upstream backoff_utils.go): after n consecutive
 * failures (none succeeded since) a replacement pod waits
 * 10 s × 2^(n−1), capped, counted from when the last failure finished. With
 * backoffLimitPerIndex each index backs off alone, its failure count kept in
 * the pods' annotations.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { MAX_POD_FAILURE_BACKOFF_MS, POD_FAILURE_BACKOFF_MS } from './constants';
import { podFinishedTime } from './pod-facts';
import { indexAbsoluteFailureCount } from './completion-index';

/** A Job's failure streak, kept in memory by the controller (lost on restart, as upstream). */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** When the last counted failure finished (ms). */
  lastFailureTime?: number;
}

const byFinishTime = (pods: readonly Readonly<Pod>[]) => [...pods].sort((a, b) => podFinishedTime(a) - podFinishedTime(b));

/**
 * The record after this sync's newly finished pods: a success resets the
 * streak, and only failures that finished after the last new success count.
 */
export function nextBackoffRecord(old: BackoffRecord | undefined, newSucceeded: readonly Readonly<Pod>[], newFailed: readonly Readonly<Pod>[]): BackoffRecord {
  const record: BackoffRecord = { failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0, lastFailureTime: old?.lastFailureTime };
  const failed = byFinishTime(newFailed);
  if (newSucceeded.length === 0) {
    if (failed.length === 0) return record;
    return { failuresAfterLastSuccess: record.failuresAfterLastSuccess + failed.length, lastFailureTime: podFinishedTime(failed[failed.length - 1]) };
  }
  const succeeded = byFinishTime(newSucceeded);
  const lastSuccess = podFinishedTime(succeeded[succeeded.length - 1]);
  const next: BackoffRecord = { failuresAfterLastSuccess: 0 };
  for (let i = failed.length - 1; i >= 0; i--) {
    const at = podFinishedTime(failed[i]);
    if (at <= lastSuccess) break;
    next.lastFailureTime ??= at;
    next.failuresAfterLastSuccess++;
  }
  return next;
}

/** The delay owed after `failures` consecutive failures: 10 s, 20 s, 40 s, … capped. */
export function backoffDelayMs(failures: number, baseMs = POD_FAILURE_BACKOFF_MS, maxMs = MAX_POD_FAILURE_BACKOFF_MS): number {
  if (failures <= 0) return 0;
  let delay = baseMs;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= maxMs) return maxMs;
  }
  return delay;
}

function remainingFor(failures: number, lastFailureTime: number | undefined, now: number): number {
  if (failures === 0 || lastFailureTime === undefined) return 0;
  return Math.max(0, backoffDelayMs(failures) - (now - lastFailureTime));
}

/** How long new pods must still wait (ms) given the Job's failure streak. */
export function remainingBackoffMs(record: BackoffRecord, now: Date): number {
  return remainingFor(record.failuresAfterLastSuccess, record.lastFailureTime, now.getTime());
}

/** How long an index must still wait (ms) before its replacement, from its last failed pod. */
export function remainingIndexBackoffMs(lastFailedPod: Readonly<Pod> | undefined, now: Date): number {
  if (!lastFailedPod) return 0;
  return remainingFor(indexAbsoluteFailureCount(lastFailedPod) + 1, podFinishedTime(lastFailedPod), now.getTime());
}
