/**
 * The scheduler's view of the cluster (internal/cache): NodeInfos kept up to
 * date from the node and pod informers, plus pods this scheduler has assumed
 * onto a node before the API confirmed the binding, so the next pod already
 * sees the room they take. It is also the Snapshot plugins read: scheduling
 * cycles are synchronous, so the live cache is consistent for a cycle.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Snapshot } from '../framework/types';
import { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';

interface PodState {
  info: PodInfo;
  /** Placed by this scheduler, binding not yet observed. */
  assumed: boolean;
}

export class SchedulerCache implements Snapshot {
  /** Every NodeInfo, including placeholders for pods whose node is not (or no longer) known. */
  private readonly infos = new Map<string, NodeInfo>();
  /** NodeInfos with a Node, in a stable order for round-robin filtering. */
  private readonly list: NodeInfo[] = [];
  private readonly position = new Map<NodeInfo, number>();
  private readonly podStates = new Map<string, PodState>();
  /** Non-terminating pods per controlling owner UID and node: default spreading reads one owner's map for every node. */
  private readonly byController = new Map<string, Map<NodeInfo, number>>();
  readonly nodesWithAffinity = new Set<NodeInfo>();
  readonly nodesWithRequiredAntiAffinity = new Set<NodeInfo>();

  constructor(private readonly nsLabels: (namespace: string) => Readonly<Record<string, string>> | undefined = () => undefined) {}

  get nodes(): readonly NodeInfo[] {
    return this.list;
  }

  get(nodeName: string): NodeInfo | undefined {
    const info = this.infos.get(nodeName);
    return info?.node ? info : undefined;
  }

  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined {
    return this.nsLabels(namespace);
  }

  controllerPodCounts(controllerUID: string): ReadonlyMap<NodeInfo, number> | undefined {
    return this.byController.get(controllerUID);
  }

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    info.setNode(node);
    if (!this.position.has(info)) {
      this.position.set(info, this.list.length);
      this.list.push(info);
    }
  }

  updateNode(node: Node): void {
    this.addNode(node);
  }

  /** Removes the node; its NodeInfo stays while pods still reference it. */
  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    const i = this.position.get(info);
    if (i !== undefined) {
      const last = this.list.pop()!;
      if (last !== info) {
        this.list[i] = last;
        this.position.set(last, i);
      }
      this.position.delete(info);
    }
    info.node = undefined;
    if (info.pods.size === 0) this.infos.delete(name);
  }

  /** A pod bound to a node, as the informer reports it; confirms an assumption. */
  addPod(info: PodInfo): void {
    this.removePod(info.key);
    this.place(info, false);
  }

  /** A new version of a bound pod. */
  updatePod(info: PodInfo): void {
    this.addPod(info);
  }

  /** Removes a pod (bound or assumed). */
  removePod(key: string): PodInfo | undefined {
    const state = this.podStates.get(key);
    if (!state) return undefined;
    this.podStates.delete(key);
    const node = this.infos.get(state.info.nodeName);
    if (node) {
      node.removePod(key);
      this.countController(state.info, node, -1);
      this.refreshIndexes(node);
      if (!node.node && node.pods.size === 0) this.infos.delete(node.name);
    }
    return state.info;
  }

  /** AssumePod: counts the pod on its node now, before the binding is written. */
  assumePod(info: PodInfo): void {
    this.removePod(info.key);
    this.place(info, true);
  }

  /** ForgetPod: undoes an assumption whose binding failed. */
  forgetPod(key: string): void {
    if (this.podStates.get(key)?.assumed) this.removePod(key);
  }

  isAssumed(key: string): boolean {
    return this.podStates.get(key)?.assumed === true;
  }

  private place(info: PodInfo, assumed: boolean): void {
    let node = this.infos.get(info.nodeName);
    if (!node) this.infos.set(info.nodeName, (node = new NodeInfo(info.nodeName)));
    node.addPod(info);
    this.countController(info, node, 1);
    this.refreshIndexes(node);
    this.podStates.set(info.key, { info, assumed });
  }

  private countController(info: PodInfo, node: NodeInfo, delta: number): void {
    if (!info.controllerUID || info.terminating) return;
    let counts = this.byController.get(info.controllerUID);
    if (!counts) this.byController.set(info.controllerUID, (counts = new Map()));
    const n = (counts.get(node) ?? 0) + delta;
    if (n > 0) counts.set(node, n);
    else counts.delete(node);
    if (counts.size === 0) this.byController.delete(info.controllerUID);
  }

  private refreshIndexes(node: NodeInfo): void {
    if (node.podsWithAffinity.size > 0) this.nodesWithAffinity.add(node);
    else this.nodesWithAffinity.delete(node);
    if (node.podsWithRequiredAntiAffinity.size > 0) this.nodesWithRequiredAntiAffinity.add(node);
    else this.nodesWithRequiredAntiAffinity.delete(node);
  }
}
