/**
 * Kubernetes' default timings for nodes and their failure handling, as data.
 * Every one is a flag of `mk up`; the `demo` profile shortens them so a learner
 * sees a node failure handled within about 30 seconds.
 */
export interface ClusterTimings {
  /** Kubelet: how often the node Lease is renewed (upstream 10 s). */
  leaseRenewIntervalMs: number;
  /** Lease spec.leaseDurationSeconds the kubelet writes (upstream 40 s). */
  leaseDurationSeconds: number;
  /** Kubelet: how often NodeStatus is computed (upstream 10 s); written when it changes or after nodeStatusReportFrequencyMs. */
  nodeStatusUpdateFrequencyMs: number;
  /** Kubelet: NodeStatus is re-posted at least this often even without changes (upstream 5 min). */
  nodeStatusReportFrequencyMs: number;
  /** Node lifecycle controller: how often nodes are checked (upstream 5 s). */
  nodeMonitorPeriodMs: number;
  /** Node lifecycle controller: no Lease renewal for this long → Ready=Unknown (upstream 40 s). */
  nodeMonitorGracePeriodMs: number;
  /** Admission: tolerationSeconds of the default not-ready/unreachable NoExecute tolerations (upstream 300 s). */
  defaultTolerationSeconds: number;
  /** Scheduler: initial and maximum backoff of a pod that failed to schedule (upstream 1 s, 10 s). */
  podInitialBackoffMs: number;
  podMaxBackoffMs: number;
  /** Kubelet: container restart back-off, initial and maximum (upstream 10 s, 5 min). */
  containerBackoffInitialMs: number;
  containerBackoffMaxMs: number;
}

export const defaultTimings: ClusterTimings = {
  leaseRenewIntervalMs: 10_000,
  leaseDurationSeconds: 40,
  nodeStatusUpdateFrequencyMs: 10_000,
  nodeStatusReportFrequencyMs: 300_000,
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 40_000,
  defaultTolerationSeconds: 300,
  podInitialBackoffMs: 1_000,
  podMaxBackoffMs: 10_000,
  containerBackoffInitialMs: 10_000,
  containerBackoffMaxMs: 300_000,
};

/** `mk up --profile demo`: a node failure is noticed in ~8 s and its pods evicted ~15 s later. */
export const demoTimings: ClusterTimings = {
  ...defaultTimings,
  leaseRenewIntervalMs: 2_000,
  leaseDurationSeconds: 8,
  nodeStatusUpdateFrequencyMs: 2_000,
  nodeMonitorPeriodMs: 1_000,
  nodeMonitorGracePeriodMs: 8_000,
  defaultTolerationSeconds: 15,
  containerBackoffInitialMs: 2_000,
  containerBackoffMaxMs: 20_000,
};

export const timingProfiles: Record<string, ClusterTimings> = { default: defaultTimings, demo: demoTimings };
