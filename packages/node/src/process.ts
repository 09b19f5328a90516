/**
 * `mk agent`: a node agent in its own process, talking to a cluster's API
 * server over the network like a kubelet joining a cluster.
 */
import { defaultTimings, type ClusterTimings } from '@mk/api';
import { createClient } from '@mk/client';
import type { Taint } from 'kubernetes-types/core/v1';
import { createNodeAgent } from './agent/node-agent';
import type { NodeAgent } from './agent/options';
import { createSimRuntime } from './runtime/sim/sim-runtime';
import type { SimPresetName } from './runtime/sim/presets';
import type { Runtime } from './runtime/types';

/** What `mk agent` passes: where the API server is, who the node is. */
export interface AgentProcessOptions {
  /** API server URL, e.g. https://127.0.0.1:6443. */
  server: string;
  token?: string;
  /** PEM of the CA that signed the API server's certificate. */
  caData?: string;
  insecureSkipTLSVerify?: boolean;
  /** The Node's name. */
  name: string;
  /** The runtime (default: the simulated runtime with `preset`). */
  runtime?: Runtime;
  /** Preset of the default simulated runtime (default `fast`). */
  preset?: SimPresetName;
  /** The node's pod CIDR for the default simulated runtime and spec.podCIDR. */
  podCIDR?: string;
  internalIP?: string;
  capacity?: { cpu?: string; memory?: string; pods?: string };
  labels?: Record<string, string>;
  taints?: Taint[];
  controlPlane?: boolean;
  /** Default: Kubernetes' own timings. */
  timings?: ClusterTimings;
  log?: (message: string) => void;
}

/** Connects to the API server and starts a node agent; resolves once it registered and listed its pods. Call stop() to end it. */
export async function runAgentProcess(opts: AgentProcessOptions): Promise<NodeAgent> {
  const client = createClient({ server: opts.server, token: opts.token, caData: opts.caData, insecureSkipTLSVerify: opts.insecureSkipTLSVerify, namespace: 'default' });
  const runtime = opts.runtime ?? createSimRuntime({ preset: opts.preset ?? 'fast', podCIDR: opts.podCIDR });
  const agent = createNodeAgent({
    client,
    name: opts.name,
    runtime,
    capacity: opts.capacity,
    labels: opts.labels,
    taints: opts.taints,
    controlPlane: opts.controlPlane,
    timings: opts.timings ?? defaultTimings,
    internalIP: opts.internalIP,
    podCIDR: opts.podCIDR,
    log: opts.log,
  });
  await agent.start();
  return agent;
}
