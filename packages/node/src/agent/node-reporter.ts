/**
 * Registers the Node and posts its status as the kubelet does: create it (or
 * bring an existing one's labels up to date), then recompute the status every
 * nodeStatusUpdateFrequencyMs and write it only when it changed or when
 * nodeStatusReportFrequencyMs passed since the last write.
 */
import { createTwoWayStrategicMergePatch, patchMetaFor, type Clock, type ClusterTimings, type KObject } from '@mk/api';
import { isAlreadyExists } from '@mk/client';
import type { NodeStatus } from 'kubernetes-types/core/v1';
import type { SessionApi } from '../pods/context';
import { jsonEqual } from '../pods/status-writer';
import { conditionEventMessage, nodeConditions } from './node-conditions';
import { nodeStatus, registrationNode, type NodeIdentity } from './node-object';

const NODE_META = patchMetaFor('', 'v1', 'Node');
const NODES = '/api/v1/nodes';

type Json = Parameters<typeof createTwoWayStrategicMergePatch>[0];

/** What the reporter needs. */
export interface NodeReporterDeps {
  api: SessionApi;
  identity: NodeIdentity;
  bootID: string;
  clock: Clock;
  timings: ClusterTimings;
  /** Records an event about the node. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

/** Status without heartbeats: two statuses that differ only in those are the same status. */
function withoutHeartbeats(s: NodeStatus): NodeStatus {
  return { ...s, conditions: (s.conditions ?? []).map(({ lastHeartbeatTime: _h, ...c }) => c) };
}

/** Registration and node status updates of one session. */
export class NodeReporter {
  /** The node as stored, from registration. */
  node?: KObject;
  private reported?: { status: NodeStatus; at: number };

  constructor(private readonly deps: NodeReporterDeps) {}

  private compute(previous: NodeStatus | undefined): { status: NodeStatus; changed: string[] } {
    const { conditions, changed } = nodeConditions(previous?.conditions, isoSeconds(this.deps.clock.now()));
    // Conditions others own (NetworkUnavailable, a problem detector's) stay as they are.
    const foreign = (previous?.conditions ?? []).filter((c) => !conditions.some((o) => o.type === c.type));
    return { status: nodeStatus(this.deps.identity, [...conditions, ...foreign], this.deps.bootID), changed };
  }

  /** Creates the Node, or updates the one that exists; then posts the status at once. */
  async register(): Promise<KObject> {
    const { api, identity } = this.deps;
    let previous: NodeStatus | undefined;
    try {
      this.node = await api.request<KObject>('POST', NODES, { body: registrationNode(identity, this.compute(undefined).status) });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      const existing = await api.request<KObject>('GET', `${NODES}/${identity.name}`);
      previous = existing.status as NodeStatus | undefined;
      this.node = await this.updateExisting(existing);
    }
    const oldBoot = previous?.nodeInfo?.bootID;
    if (oldBoot && oldBoot !== this.deps.bootID) {
      this.deps.event('Warning', 'Rebooted', `Node ${identity.name} has been rebooted, boot id: ${this.deps.bootID}`);
    }
    // The first status after a (re)start is always written; conditions that changed since the last one are announced.
    await this.report(true, previous ?? {});
    return this.node;
  }

  /** The kubelet reconciles its default labels (and the pod CIDR) on a node that already exists. */
  private async updateExisting(existing: KObject): Promise<KObject> {
    const { identity } = this.deps;
    const labels = existing.metadata?.labels ?? {};
    const labelPatch = Object.fromEntries(Object.entries(identity.labels).filter(([k, v]) => labels[k] !== v));
    const spec = (existing.spec ?? {}) as { podCIDR?: string };
    const patch: Record<string, unknown> = {};
    if (Object.keys(labelPatch).length > 0) patch.metadata = { labels: labelPatch };
    if (identity.podCIDR && !spec.podCIDR) patch.spec = { podCIDR: identity.podCIDR, podCIDRs: [identity.podCIDR] };
    if (Object.keys(patch).length === 0) return existing;
    return this.deps.api.request<KObject>('PATCH', `${NODES}/${identity.name}`, { body: patch, contentType: 'application/merge-patch+json' });
  }

  /**
   * Recomputes the status; writes it when forced, when it changed, or when
   * the report frequency has passed. Resolves true when it wrote.
   */
  async report(force = false, previousOverride?: NodeStatus): Promise<boolean> {
    const base = previousOverride ?? this.reported?.status ?? (this.node?.status as NodeStatus | undefined);
    const { status, changed } = this.compute(base);
    const now = this.deps.clock.now().getTime();
    const due = !this.reported || now - this.reported.at >= this.deps.timings.nodeStatusReportFrequencyMs;
    const different = !base || !jsonEqual(withoutHeartbeats(base), withoutHeartbeats(status));
    if (!force && !due && !different) return false;
    const patch = createTwoWayStrategicMergePatch({ status: base ?? {} } as unknown as Json, { status } as unknown as Json, NODE_META);
    this.node = await this.deps.api.request<KObject>('PATCH', `${NODES}/${this.deps.identity.name}/status`, {
      body: patch,
      contentType: 'application/strategic-merge-patch+json',
    });
    this.reported = { status, at: now };
    for (const reason of changed) this.deps.event('Normal', reason, conditionEventMessage(this.deps.identity.name, reason));
    return true;
  }
}
