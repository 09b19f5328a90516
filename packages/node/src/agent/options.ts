/** The node agent's contract. */
import type { Clock, ClusterTimings } from '@mk/api';
import type { ApiClient, InformerFactory } from '@mk/client';
import type { Taint } from 'kubernetes-types/core/v1';
import type { Runtime } from '../runtime/types';
import type { HostInfo } from './host-info';

/** What a node agent is given. */
export interface NodeAgentOptions {
  client: ApiClient;
  /** The Node's name. */
  name: string;
  runtime: Runtime;
  /** Defaults: cpu 4, memory 8Gi, pods 110. */
  capacity?: { cpu?: string; memory?: string; pods?: string };
  /** Labels added to the kubelet's own (hostname, os, arch). */
  labels?: Record<string, string>;
  /** Taints registered with the Node (the control plane's NoSchedule taint is added by controlPlane). */
  taints?: Taint[];
  /** Registers as kubeadm's control-plane node: role label and NoSchedule taint. */
  controlPlane?: boolean;
  timings: ClusterTimings;
  clock?: Clock;
  /** A shared informer factory (the daemon's); without one the agent lists and watches its pods itself. */
  informerFactory?: InformerFactory;
  /** InternalIP of the node (default: a loopback address derived from the name; give each node its own). */
  internalIP?: string;
  /** spec.podCIDR written at registration (the runtime's pod IPs come from its own allocator). */
  podCIDR?: string;
  /** The machine's OS, architecture and kernel (default: the host's). */
  hostInfo?: HostInfo;
  /** Where the agent reports failures (default console.warn). */
  log?: (message: string) => void;
}

/** A node agent (a kubelet) with a power switch. */
export interface NodeAgent {
  readonly name: string;
  /** False after powerOff() and stop(). */
  readonly poweredOn: boolean;
  /** Registers the Node, starts the Lease and status heartbeats and the pod workers; resolves once the node's pods are listed. */
  start(): Promise<void>;
  /** Cuts the power: heartbeats, status writes and pod work stop, every container dies; the API is told nothing. */
  powerOff(): Promise<void>;
  /** Boots again: renews the Lease, re-posts status, brings the node's pods back (containers restarted as after a reboot). */
  powerOn(): Promise<void>;
  /** Shuts the agent down cleanly: no API calls afterwards. Containers are left as they are. */
  stop(): Promise<void>;
}
