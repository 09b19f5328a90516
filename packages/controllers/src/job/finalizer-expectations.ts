/**
 * upstream uidTrackingExpectations: per Job, the pods whose tracking
 * finalizer this controller removed but has not yet seen removed in its
 * cache. Until then a sync must not count those pods again.
 */

export interface FinalizerExpectations {
  /** UIDs still expected to lose their finalizer. */
  expected(jobKey: string): ReadonlySet<string>;
  expectRemoved(jobKey: string, uids: readonly string[]): void;
  /** The pod was seen without the finalizer (or gone), or its removal failed. */
  removalObserved(jobKey: string, uid: string): void;
  forget(jobKey: string): void;
}

/** An in-memory FinalizerExpectations. */
export function createFinalizerExpectations(): FinalizerExpectations {
  const byJob = new Map<string, Set<string>>();
  return {
    expected: (jobKey) => new Set(byJob.get(jobKey) ?? []),
    expectRemoved(jobKey, uids) {
      let set = byJob.get(jobKey);
      if (!set) byJob.set(jobKey, (set = new Set()));
      for (const uid of uids) set.add(uid);
    },
    removalObserved(jobKey, uid) {
      byJob.get(jobKey)?.delete(uid);
    },
    forget(jobKey) {
      byJob.delete(jobKey);
    },
  };
}
