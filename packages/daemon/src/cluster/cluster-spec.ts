/**
 * The shape of a cluster — runtime, timing profile and overrides, and its
 * nodes — as persisted in config.json, and how a start request changes it.
 * Pure: reading and writing the file is cluster-config.ts.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import { defaultTimings, timingProfiles, type ClusterTimings } from '@mk/api';

/** Container runtimes a node can use. The process runtime comes later. */
export const RUNTIMES = ['sim'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** Timing profiles `mk up --profile` accepts. */
export const PROFILES = ['default', 'demo'] as const;
export type ProfileName = (typeof PROFILES)[number];

/** Resources a node advertises (Kubernetes quantities). */
export interface NodeCapacity {
  cpu?: string;
  memory?: string;
  pods?: string;
}

/** One node the daemon runs, as persisted: enough to start its agent again after a restart. */
export interface NodeSpec {
  name: string;
  controlPlane?: boolean;
  /** Registration labels (kubelet --node-labels). */
  labels?: Record<string, string>;
  /** Registration taints (kubelet --register-with-taints). */
  taints?: Taint[];
  capacity?: NodeCapacity;
  runtime: RuntimeName;
  /** The node's pod CIDR (spec.podCIDR; its pods' IPs), distinct per node as the node IPAM controller assigns them. */
  podCIDR?: string;
}

/** The persisted cluster shape (config.json's `cluster`). */
export interface ClusterSpec {
  runtime: RuntimeName;
  profile: ProfileName;
  /** Overrides of the profile's timings. */
  timings: Partial<ClusterTimings>;
  nodes: NodeSpec[];
}

/** What config.json may hold before the first start: `mk up` records a node count, the daemon turns it into nodes. */
export interface StoredClusterSpec extends Partial<ClusterSpec> {
  nodeCount?: number;
}

/** What a start asks for (daemon options or `mk up` flags); unset fields keep the stored value. */
export interface ClusterRequest {
  nodes?: number;
  runtime?: string;
  profile?: string;
  timings?: Partial<ClusterTimings>;
}

/** The default number of nodes: one control plane and two workers, as a kind multi-node cluster. */
export const DEFAULT_NODE_COUNT = 3;

/** kubeadm's control-plane role label (ROLES control-plane in `get nodes`). */
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** runtimeError explains why a runtime name cannot be used, or returns undefined. */
export function runtimeError(name: string): string | undefined {
  if ((RUNTIMES as readonly string[]).includes(name)) return undefined;
  if (name === 'process') return 'runtime "process" is not available yet; use --runtime sim (simulated containers)';
  return `unknown runtime ${JSON.stringify(name)}: use sim`;
}

/** profileError explains why a profile name cannot be used, or returns undefined. */
export function profileError(name: string): string | undefined {
  return (PROFILES as readonly string[]).includes(name) ? undefined : `unknown profile ${JSON.stringify(name)}: use ${PROFILES.join(' or ')}`;
}

/** workerName is kind's naming: mk-worker, mk-worker2, mk-worker3, … */
export function workerName(index: number): string {
  return index === 1 ? 'mk-worker' : `mk-worker${index}`;
}

/** nextWorkerName is the first worker name after the highest one in use. */
export function nextWorkerName(used: Iterable<string>): string {
  let highest = 0;
  for (const name of used) {
    const m = /^mk-worker(\d*)$/.exec(name);
    if (m) highest = Math.max(highest, m[1] ? Number(m[1]) : 1);
  }
  return workerName(highest + 1);
}

/**
 * defaultNodes is mk-control-plane plus count-1 workers. The node agent gives a
 * control-plane node kubeadm's role label and NoSchedule taint; a one-node
 * cluster must run pods, so its only node gets the role label without the taint.
 */
export function defaultNodes(count: number, runtime: RuntimeName): NodeSpec[] {
  if (count === 0) return [];
  const controlPlane: NodeSpec =
    count > 1 ? { name: 'mk-control-plane', controlPlane: true, runtime } : { name: 'mk-control-plane', labels: { [CONTROL_PLANE_LABEL]: '' }, runtime };
  const nodes = [controlPlane];
  for (let i = 1; i < count; i++) nodes.push({ name: workerName(i), runtime });
  return withPodCIDRs(nodes);
}

/** Per-node pod CIDRs are /24s of 10.244.0.0/14: kind's 10.244.0.0/16 for the first 256 nodes, continued for up to 1024. */
const MAX_POD_CIDRS = 1024;
const podCIDR = (i: number): string => `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`;

/** nextPodCIDR is the lowest per-node pod CIDR not in use. */
export function nextPodCIDR(nodes: NodeSpec[]): string {
  const used = new Set(nodes.map((n) => n.podCIDR));
  for (let i = 0; i < MAX_POD_CIDRS; i++) if (!used.has(podCIDR(i))) return podCIDR(i);
  throw new Error('no free pod CIDR left in 10.244.0.0/14: remove a node first');
}

/** withPodCIDRs gives every node without a pod CIDR the next free one. */
export function withPodCIDRs(nodes: NodeSpec[]): NodeSpec[] {
  const out: NodeSpec[] = [];
  for (const n of nodes) out.push(n.podCIDR ? n : { ...n, podCIDR: nextPodCIDR([...nodes, ...out]) });
  return out;
}

/** nodeCountError accepts 0 (an API-only cluster: pods stay Pending, as with envtest) to 1000 nodes. */
export function nodeCountError(count: number): string | undefined {
  return Number.isInteger(count) && count >= 0 && count <= 1000 ? undefined : `invalid node count ${count}: use a whole number from 0 to 1000`;
}

/**
 * resolveClusterSpec applies a start request to the stored spec. Nodes are
 * created from the count only on the first start; afterwards the stored nodes
 * (added ones included) are the cluster, and a different count is refused.
 */
export function resolveClusterSpec(stored: StoredClusterSpec | undefined, request: ClusterRequest): ClusterSpec {
  const runtime = request.runtime ?? stored?.runtime ?? 'sim';
  const runtimeProblem = runtimeError(runtime);
  if (runtimeProblem) throw new Error(runtimeProblem);
  const profile = request.profile ?? stored?.profile ?? 'default';
  const profileProblem = profileError(profile);
  if (profileProblem) throw new Error(profileProblem);
  const timings = { ...(stored?.timings ?? {}), ...(request.timings ?? {}) };
  const timingsProblem = timingsError(timings);
  if (timingsProblem) throw new Error(timingsProblem);

  // A stored list (even an empty one) is the cluster's; only a cluster never started gets nodes from the count.
  let nodes = stored?.nodes && withPodCIDRs(stored.nodes);
  if (nodes) {
    if (request.nodes !== undefined && request.nodes !== nodes.length) {
      throw new Error(
        `the cluster already has ${nodes.length ? `${nodes.length} node(s) (${nodes.map((n) => n.name).join(', ')})` : 'no nodes'}; add or remove nodes with "mk node add" and "mk node rm"`,
      );
    }
  } else {
    const count = request.nodes ?? stored?.nodeCount ?? DEFAULT_NODE_COUNT;
    const countProblem = nodeCountError(count);
    if (countProblem) throw new Error(countProblem);
    nodes = defaultNodes(count, runtime as RuntimeName);
  }
  return { runtime: runtime as RuntimeName, profile: profile as ProfileName, timings, nodes };
}

/** timingsError rejects unknown timing names and values that are not non-negative numbers. */
export function timingsError(timings: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(timings)) {
    if (!(key in defaultTimings)) return `unknown timing ${JSON.stringify(key)}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `invalid timing ${key}: ${JSON.stringify(value)} is not a non-negative number`;
  }
  return undefined;
}

/** effectiveTimings is the profile's timings with the overrides applied. */
export function effectiveTimings(spec: Pick<ClusterSpec, 'profile' | 'timings'>): ClusterTimings {
  return { ...timingProfiles[spec.profile]!, ...spec.timings };
}
