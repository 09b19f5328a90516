/**
 * Pod resource arithmetic describe needs: PodRequestsAndLimits (containers summed, init
 * containers maxed, sidecars added, overhead) and the QoS class (kubectl pkg/util/qos).
 */
import { addQuantities, compareQuantities, type KObject, type Quantity } from '@mk/api';
import { quantityOf } from './quantities';

/** A resource list with parsed quantities. */
export type ResourceList = Map<string, Quantity>;

interface Container {
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  restartPolicy?: string;
}

function toList(record: Record<string, unknown> | undefined): ResourceList {
  return new Map(Object.entries(record ?? {}).map(([k, v]) => [k, quantityOf(v)]));
}

function addList(list: ResourceList, add: ResourceList): void {
  for (const [name, q] of add) list.set(name, list.has(name) ? addQuantities(list.get(name)!, q) : q);
}

function maxList(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) if (!list.has(name) || compareQuantities(q, list.get(name)!) > 0) list.set(name, q);
}

function aggregate(pod: KObject, field: 'requests' | 'limits'): ResourceList {
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[]; overhead?: Record<string, string> };
  const total: ResourceList = new Map();
  for (const c of spec.containers ?? []) addList(total, toList(c.resources?.[field]));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    const own = toList(c.resources?.[field]);
    let effective: ResourceList;
    if (c.restartPolicy === 'Always') {
      addList(total, own);
      addList(sidecars, own);
      effective = sidecars;
    } else {
      effective = new Map();
      addList(effective, own);
      addList(effective, sidecars);
    }
    maxList(initMax, effective);
  }
  maxList(total, initMax);
  const overhead = toList(spec.overhead);
  if (field === 'requests') addList(total, overhead);
  else for (const [name, q] of overhead) if (total.has(name) && total.get(name)!.nanos !== 0n) total.set(name, addQuantities(total.get(name)!, q));
  return total;
}

/** PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: KObject): { requests: ResourceList; limits: ResourceList } {
  return { requests: aggregate(pod, 'requests'), limits: aggregate(pod, 'limits') };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function positiveQoS(record: Record<string, string> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, q] of toList(record)) if (QOS_RESOURCES.has(name) && q.nanos > 0n) out.set(name, q);
  return out;
}

/** GetPodQOS: status.qosClass, else computed from requests and limits of cpu and memory. */
export function podQOS(pod: KObject): string {
  const status = (pod.status ?? {}) as { qosClass?: string };
  if (status.qosClass) return status.qosClass;
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[]; resources?: Container['resources'] };
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const sources = spec.resources ? [spec.resources] : [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => c.resources ?? {});
  for (const r of sources) {
    addList(requests, positiveQoS(r.requests));
    const lim = positiveQoS(r.limits);
    addList(limits, lim);
    if (!lim.has('cpu') || !lim.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
