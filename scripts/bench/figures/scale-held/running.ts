/** Counting, from the events of one watch on all pods, how many distinct pods have been seen Running (pure). */

/** The part of a watch event the count reads. */
export interface PodEvent {
  type: string;
  object: { metadata?: { namespace?: string; name?: string }; status?: { phase?: string }; message?: string };
}

/** Pods seen Running so far, and how many events the watch delivered. */
export interface RunningTracker {
  /** Takes one event; throws on an ERROR event (the watch is broken, so the count would stall). */
  observe(event: PodEvent): void;
  /** Distinct pods seen with status.phase Running (a pod counts once, whatever happens to it later). */
  readonly running: number;
  readonly events: number;
}

/** A tracker with nothing seen yet, counting only pods of `namespaces` (the watch sees every pod of the cluster). */
export function createRunningTracker(namespaces: ReadonlySet<string>): RunningTracker {
  const seen = new Set<string>();
  let events = 0;
  return {
    observe(event) {
      events++;
      if (event.type === 'ERROR') throw new Error(`the pod watch failed: ${event.object.message ?? JSON.stringify(event.object)}`);
      if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
      if (event.object.status?.phase !== 'Running') return;
      const { namespace, name } = event.object.metadata ?? {};
      if (namespace === undefined || !namespaces.has(namespace)) return;
      seen.add(`${namespace}/${name}`);
    },
    get running() {
      return seen.size;
    },
    get events() {
      return events;
    },
  };
}
