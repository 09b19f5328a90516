/**
 * Informer callbacks → cache and queue (scheduler eventhandlers.go). Bound
 * pods feed the cache and may unblock pending ones; pending pods of this
 * scheduler feed the queue; nodes feed the cache and wake the pods a change
 * may help.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '@mk/api';
import type { EventHandlers } from '@mk/client';
import { newPodInfo, podKey } from './cache/pod-info';
import type { SchedulerCache } from './cache/scheduler-cache';
import { ActionType } from './framework/types';
import { assignedPodUpdateActions, isTerminal, nodeEvent } from './queue/cluster-events';
import type { Nominator } from './queue/nominator';
import type { SchedulingQueue } from './queue/scheduling-queue';

export interface HandlerDeps {
  cache: SchedulerCache;
  queue: SchedulingQueue;
  nominator: Nominator;
  schedulerName: string;
}

const isAssigned = (p: Pod) => !!p.spec?.nodeName;

/** Informer objects are plain KObjects; these handlers read them as typed Pods and Nodes. */
const asPod = (o: Readonly<KObject>) => o as unknown as Pod;
const asNode = (o: Readonly<KObject>) => o as unknown as Node;

/** Pod informer handlers. */
export function podEventHandlers(d: HandlerDeps): EventHandlers {
  const responsible = (p: Pod) => (p.spec?.schedulerName || 'default-scheduler') === d.schedulerName;

  const addAssigned = (pod: Pod) => {
    d.cache.addPod(newPodInfo(pod));
    d.queue.moveAllToActiveOrBackoff({ resource: 'Pod', action: ActionType.Add, label: 'AssignedPodAdd', newObj: pod });
  };

  const deleted = (pod: Pod) => {
    const key = podKey(pod);
    d.queue.delete(key);
    d.nominator.remove(key);
    // A bound pod, or one this scheduler assumed, frees its room.
    const removed = d.cache.removePod(key);
    if (removed) d.queue.moveAllToActiveOrBackoff({ resource: 'Pod', action: ActionType.Delete, label: 'AssignedPodDelete', oldObj: removed.pod });
  };

  const pending = (oldPod: Pod | undefined, pod: Pod) => {
    const key = podKey(pod);
    if (!responsible(pod) || pod.metadata?.deletionTimestamp) {
      d.queue.delete(key);
      d.nominator.remove(key);
      return;
    }
    // The pod is being bound by this scheduler: its own status updates change nothing (skipPodUpdate).
    if (d.cache.isAssumed(key)) return;
    const info = newPodInfo(pod);
    d.nominator.syncFromPod(info);
    if (oldPod) d.queue.update(oldPod, info);
    else d.queue.add(info);
  };

  return {
    onAdd(obj) {
      const pod = asPod(obj);
      if (isTerminal(pod)) return;
      if (isAssigned(pod)) addAssigned(pod);
      else pending(undefined, pod);
    },
    onUpdate(oldObj, obj) {
      const oldPod = asPod(oldObj);
      const pod = asPod(obj);
      if (isTerminal(pod)) {
        // Succeeded and Failed pods hold nothing any more: the same as deleted.
        if (!isTerminal(oldPod)) deleted(oldPod);
        return;
      }
      if (!isAssigned(pod)) return pending(oldPod, pod);
      if (!isAssigned(oldPod) || isTerminal(oldPod)) {
        d.queue.delete(podKey(pod));
        d.nominator.remove(podKey(pod));
        return addAssigned(pod);
      }
      d.cache.updatePod(newPodInfo(pod));
      const action = assignedPodUpdateActions(oldPod, pod);
      if (action) d.queue.moveAllToActiveOrBackoff({ resource: 'Pod', action, label: 'AssignedPodUpdate', oldObj: oldPod, newObj: pod });
    },
    onDelete(obj) {
      deleted(asPod(obj));
    },
  };
}

/** Node informer handlers. */
export function nodeEventHandlers(d: Pick<HandlerDeps, 'cache' | 'queue'>): EventHandlers {
  return {
    onAdd(obj) {
      const node = asNode(obj);
      d.cache.addNode(node);
      d.queue.moveAllToActiveOrBackoff(nodeEvent(undefined, node)!);
    },
    onUpdate(oldObj, obj) {
      const node = asNode(obj);
      d.cache.updateNode(node);
      const event = nodeEvent(asNode(oldObj), node);
      if (event) d.queue.moveAllToActiveOrBackoff(event);
    },
    onDelete(obj) {
      const node = asNode(obj);
      d.cache.removeNode(node.metadata?.name ?? '');
      d.queue.moveAllToActiveOrBackoff(nodeEvent(node, undefined)!);
    },
  };
}
