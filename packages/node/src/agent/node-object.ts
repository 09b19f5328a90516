/**
 * The Node a kubelet registers and the NodeStatus it posts, from what the
 * agent knows about itself. Pure.
 */
import type { KObject } from '@mk/api';
import type { NodeCondition, NodeStatus, Taint } from 'kubernetes-types/core/v1';
import type { HostInfo } from './host-info';
import { machineIDOf, systemUUIDOf } from './host-info';

/** The kubelet version nodes report (kubectl get nodes shows it as VERSION). */
export const KUBELET_VERSION = 'v1.32.0-mk';
/** The kubelet port nodes advertise in daemonEndpoints. */
export const KUBELET_PORT = 10250;
/** kubeadm's control-plane role label, also the key of its taint. */
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** Everything that describes one node agent's machine. */
export interface NodeIdentity {
  name: string;
  internalIP: string;
  /** Resource name → quantity, e.g. cpu 4, memory 8Gi, pods 110, ephemeral-storage 100Gi. */
  capacity: Record<string, string>;
  labels: Record<string, string>;
  taints: Taint[];
  podCIDR?: string;
  host: HostInfo;
  runtime: { name: string; version: string };
}

/** What a node has when nothing else is said. */
export const DEFAULT_CAPACITY = { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' };

/** Resources as the kubelet reports them on Linux (hugepages included, at 0). */
export function nodeCapacity(capacity: { cpu?: string; memory?: string; pods?: string } = {}): Record<string, string> {
  return {
    cpu: capacity.cpu ?? DEFAULT_CAPACITY.cpu,
    'ephemeral-storage': DEFAULT_CAPACITY['ephemeral-storage'],
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: capacity.memory ?? DEFAULT_CAPACITY.memory,
    pods: capacity.pods ?? DEFAULT_CAPACITY.pods,
  };
}

/** The kubelet's default labels, plus kubeadm's role labels on the control plane, plus the user's. */
export function nodeLabels(name: string, host: HostInfo, controlPlane: boolean, extra: Record<string, string> = {}): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': host.architecture,
    'beta.kubernetes.io/os': host.operatingSystem,
    'kubernetes.io/arch': host.architecture,
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': host.operatingSystem,
  };
  if (controlPlane) {
    labels[CONTROL_PLANE_LABEL] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return { ...labels, ...extra };
}

/** kubeadm keeps workloads off the control plane with a NoSchedule taint. */
export function nodeTaints(controlPlane: boolean, extra: Taint[] = []): Taint[] {
  const taints = controlPlane ? [{ key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' }] : [];
  return [...taints, ...extra.filter((t) => !taints.some((c) => c.key === t.key && c.effect === t.effect))];
}

/** A stable loopback address for a node without one given: 127.0.x.y from a hash of its name. */
export function defaultNodeIP(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `127.0.${1 + (h % 254)}.${1 + ((h >>> 8) % 254)}`;
}

/** The NodeStatus the kubelet posts. */
export function nodeStatus(id: NodeIdentity, conditions: NodeCondition[], bootID: string): NodeStatus {
  return {
    capacity: { ...id.capacity },
    allocatable: { ...id.capacity },
    conditions,
    addresses: [
      { type: 'InternalIP', address: id.internalIP },
      { type: 'Hostname', address: id.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
    nodeInfo: {
      machineID: machineIDOf(id.name),
      systemUUID: systemUUIDOf(id.name),
      bootID,
      kernelVersion: id.host.kernelVersion,
      osImage: id.host.osImage,
      containerRuntimeVersion: `${id.runtime.name}://${id.runtime.version}`,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: '',
      operatingSystem: id.host.operatingSystem,
      architecture: id.host.architecture,
    },
  };
}

/** The Node to create at registration. */
export function registrationNode(id: NodeIdentity, status: NodeStatus): KObject {
  const spec: Record<string, unknown> = {};
  if (id.podCIDR) {
    spec.podCIDR = id.podCIDR;
    spec.podCIDRs = [id.podCIDR];
  }
  if (id.taints.length > 0) spec.taints = id.taints;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: id.name,
      labels: { ...id.labels },
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec,
    status,
  };
}
