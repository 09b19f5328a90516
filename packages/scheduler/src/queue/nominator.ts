/**
 * Pods nominated to a node by preemption (the queue's nominator): until they
 * are bound, lower-priority pods must not take the room their victims free.
 * Fed from status.nominatedNodeName of pending pods and from this scheduler's
 * own preemption decisions.
 */
import type { PodInfo } from '../cache/pod-info';
import type { Nominations } from '../core/schedule-pod';

export class Nominator implements Nominations {
  private readonly byNode = new Map<string, Map<string, PodInfo>>();
  private readonly nodeOf = new Map<string, string>();

  /** Records (or moves) the nomination of a pod; an empty node name removes it. */
  nominate(pod: PodInfo, nodeName: string): void {
    this.remove(pod.key);
    if (!nodeName) return;
    let pods = this.byNode.get(nodeName);
    if (!pods) this.byNode.set(nodeName, (pods = new Map()));
    pods.set(pod.key, pod);
    this.nodeOf.set(pod.key, nodeName);
  }

  /** Updates from an informer: follows status.nominatedNodeName of a pending pod. */
  syncFromPod(pod: PodInfo): void {
    const nominated = pod.pod.status?.nominatedNodeName ?? '';
    if (nominated) this.nominate(pod, nominated);
    else if (this.nodeOf.has(pod.key)) this.nominate(pod, this.nodeOf.get(pod.key)!);
  }

  remove(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    this.nodeOf.delete(key);
    const pods = this.byNode.get(node);
    pods?.delete(key);
    if (pods?.size === 0) this.byNode.delete(node);
  }

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] | undefined {
    // Called for every node a pod is filtered against; nominations are rare.
    if (this.byNode.size === 0) return undefined;
    const pods = this.byNode.get(nodeName);
    return pods ? [...pods.values()] : undefined;
  }
}
