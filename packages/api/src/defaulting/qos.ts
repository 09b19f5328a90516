/** The pod QoS class (qos.GetPodQOS): Guaranteed, Burstable or BestEffort from cpu/memory requests and limits. */
import { addQuantities, compareQuantities, parseQuantity, type Quantity } from '../quantity';
import { isObject, objectsIn, type JsonObject } from './set-default';

type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

function positive(v: unknown): Quantity | undefined {
  try {
    const q = parseQuantity(typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');
    return q.nanos > 0n ? q : undefined;
  } catch {
    return undefined;
  }
}

function accumulate(into: Map<string, Quantity>, list: unknown): Set<string> {
  const found = new Set<string>();
  if (!isObject(list)) return found;
  for (const name of ['cpu', 'memory']) {
    const q = positive(list[name]);
    if (!q) continue;
    found.add(name);
    const prev = into.get(name);
    into.set(name, prev ? addQuantities(q, prev) : q);
  }
  return found;
}

/** The QoS class of a pod spec (regular and init containers). */
export function podQOSClass(spec: JsonObject): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...objectsIn(spec, 'containers'), ...objectsIn(spec, 'initContainers')]) {
    const resources = isObject(c.resources) ? c.resources : {};
    accumulate(requests, resources.requests);
    const limitsFound = accumulate(limits, resources.limits);
    if (!limitsFound.has('cpu') || !limitsFound.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
