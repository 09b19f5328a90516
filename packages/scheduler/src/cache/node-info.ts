/**
 * NodeInfo: one node with the aggregates of the pods on it (framework.NodeInfo),
 * updated incrementally as pods are added and removed so a filter or score
 * reads them in O(1).
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { HostPortTable } from './host-ports';
import type { PodInfo } from './pod-info';
import { addResources, emptyResources, resourceAmount, resourcesFromList, type ResourceList, type Resources } from './resources';

export class NodeInfo {
  node?: Node;
  name: string;
  labels: Readonly<Record<string, string>> = {};
  taints: readonly Taint[] = [];
  unschedulable = false;
  allocatable: Resources = emptyResources();
  allowedPodNumber = 0;

  /** Sum of the pods' requests. */
  readonly requested: Resources = emptyResources();
  /** Sum of the pods' requests with 100m/200Mi for missing cpu/memory (scoring). */
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  readonly pods = new Map<string, PodInfo>();
  readonly usedPorts = new HostPortTable();
  /** Pods with any (anti-)affinity, and those with required anti-affinity (InterPodAffinity). */
  readonly podsWithAffinity = new Map<string, PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Map<string, PodInfo>();

  constructor(name: string, node?: Node) {
    this.name = name;
    if (node) this.setNode(node);
  }

  /** Takes a new version of the node object. */
  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata?.name ?? this.name;
    this.labels = node.metadata?.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    this.unschedulable = node.spec?.unschedulable === true;
    const allocatable = (node.status?.allocatable ?? {}) as ResourceList;
    this.allocatable = resourcesFromList(allocatable);
    const pods = allocatable.pods;
    this.allowedPodNumber = pods === undefined || pods === null ? 0 : resourceAmount('pods', pods);
  }

  addPod(p: PodInfo): void {
    this.update(p, 1);
    this.pods.set(p.key, p);
  }

  /** Removes the pod with this key; returns what was removed. */
  removePod(key: string): PodInfo | undefined {
    const p = this.pods.get(key);
    if (!p) return undefined;
    this.pods.delete(key);
    this.update(p, -1);
    return p;
  }

  private update(p: PodInfo, sign: 1 | -1): void {
    addResources(this.requested, p.requests, sign);
    this.nonZeroMilliCPU += sign * p.nonZeroMilliCPU;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    for (const hp of p.hostPorts) this.usedPorts.add(hp, sign);
    const hasAffinity =
      p.requiredAffinityTerms.length + p.requiredAntiAffinityTerms.length + p.preferredAffinityTerms.length + p.preferredAntiAffinityTerms.length > 0;
    if (hasAffinity) {
      if (sign > 0) this.podsWithAffinity.set(p.key, p);
      else this.podsWithAffinity.delete(p.key);
    }
    if (p.requiredAntiAffinityTerms.length > 0) {
      if (sign > 0) this.podsWithRequiredAntiAffinity.set(p.key, p);
      else this.podsWithRequiredAntiAffinity.delete(p.key);
    }
  }

  /** A copy whose pod set can be changed without touching this one (preemption's dry run). */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocatable = this.allocatable;
    c.allowedPodNumber = this.allowedPodNumber;
    for (const p of this.pods.values()) c.addPod(p);
    return c;
  }
}

