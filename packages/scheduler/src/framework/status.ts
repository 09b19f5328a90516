/**
 * The closed result vocabulary of the scheduling framework (kube-scheduler's
 * framework.Status): a code, the reasons shown to users, and the plugin that
 * produced it. A filter that passes returns null instead of a Status object so
 * the hot path allocates nothing.
 */

/** Status codes a plugin may return (framework.Code). */
export type StatusCode = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

/** A plugin's verdict with the reasons that end up in FailedScheduling messages. */
export class Status {
  constructor(
    readonly code: StatusCode,
    readonly reasons: readonly string[] = [],
    /** The plugin that returned it; set by the framework. */
    public plugin = '',
  ) {}

  /** Status.Message: the reasons joined with ", ". */
  message(): string {
    return this.reasons.join(', ');
  }

  /** Unschedulable or UnschedulableAndUnresolvable: the pod does not fit (as opposed to an internal error). */
  isRejected(): boolean {
    return this.code === 'Unschedulable' || this.code === 'UnschedulableAndUnresolvable';
  }

  /** A copy attributed to a plugin. */
  withPlugin(plugin: string): Status {
    return new Status(this.code, this.reasons, plugin);
  }
}

/** Unschedulable: preemption might help. */
export function unschedulable(...reasons: string[]): Status {
  return new Status('Unschedulable', reasons);
}

/** UnschedulableAndUnresolvable: preemption cannot help on this node. */
export function unresolvable(...reasons: string[]): Status {
  return new Status('UnschedulableAndUnresolvable', reasons);
}

/** An internal error; the pod is retried after backoff. */
export function errorStatus(message: string): Status {
  return new Status('Error', [message]);
}
