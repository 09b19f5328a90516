/**
 * Names the node lifecycle controller shares with the rest of Kubernetes:
 * well-known taint keys (k8s.io/api/core/v1 well_known_taints.go), condition
 * reasons and messages, and event reasons, exactly as upstream spells them.
 */

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** Where kubelets renew their heartbeat Lease, one per node, named after it. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** Conditions the controller forces to Unknown when the kubelet goes silent (NetworkUnavailable is left alone, as upstream). */
export const MONITORED_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

export const REASON_NODE_STATUS_UNKNOWN = 'NodeStatusUnknown';
export const MESSAGE_NODE_STATUS_UNKNOWN = 'Kubelet stopped posting node status.';
export const REASON_NODE_STATUS_NEVER_UPDATED = 'NodeStatusNeverUpdated';
export const MESSAGE_NODE_STATUS_NEVER_UPDATED = 'Kubelet never posted node status.';

/** Event source component of the node lifecycle controller's events. */
export const NODE_CONTROLLER_COMPONENT = 'node-controller';
export const EVENT_NODE_NOT_READY = 'NodeNotReady';
export const EVENT_REGISTERED_NODE = 'RegisteredNode';
export const EVENT_REMOVING_NODE = 'RemovingNode';
/** MarkPodsNotReady's event on each pod. */
export const MESSAGE_POD_NODE_NOT_READY = 'Node is not ready';

/** Nodes carrying this label are left out of zone disruption accounting. */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/** kube-controller-manager defaults: --unhealthy-zone-threshold and --large-cluster-size-threshold. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
export const LARGE_CLUSTER_THRESHOLD = 50;
