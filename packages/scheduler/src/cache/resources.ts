/**
 * Resource vectors as the scheduler counts them (framework.Resource): CPU in
 * millicores, everything else in whole units, as plain numbers so the per-node
 * arithmetic of the filter and score plugins stays cheap.
 */
import { quantityToMillis, quantityValue } from '@mk/api';

/** Requests or allocatable of one pod or node. */
export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources, hugepages-*, attachable-volumes-*; undefined when there are none. */
  scalar?: Map<string, number>;
}

/** A fresh zero vector. */
export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
}

/** A Kubernetes ResourceList as found in objects (`{cpu: "500m", memory: "1Gi"}`). */
export type ResourceList = Record<string, string | number | undefined | null>;

/** The value of one entry: millicores for cpu, whole units (rounded up, as Quantity.Value) otherwise. */
export function resourceAmount(name: string, quantity: string | number): number {
  const text = String(quantity);
  try {
    return Number(name === 'cpu' ? quantityToMillis(text) : quantityValue(text));
  } catch {
    // Invalid quantities are rejected by API validation; a stray one must not crash the scheduler.
    return 0;
  }
}

/** Adds one resource amount into a vector; `pods` is not a request and is ignored. */
export function addAmount(into: Resources, name: string, amount: number): void {
  switch (name) {
    case 'cpu':
      into.milliCPU += amount;
      return;
    case 'memory':
      into.memory += amount;
      return;
    case 'ephemeral-storage':
      into.ephemeralStorage += amount;
      return;
    case 'pods':
      return;
    default:
      into.scalar ??= new Map();
      into.scalar.set(name, (into.scalar.get(name) ?? 0) + amount);
  }
}

/** Resources from a ResourceList. */
export function resourcesFromList(list: ResourceList | null | undefined): Resources {
  const out = emptyResources();
  for (const [name, q] of Object.entries(list ?? {})) {
    if (q === undefined || q === null) continue;
    addAmount(out, name, resourceAmount(name, q));
  }
  return out;
}

/** into += r × sign. */
export function addResources(into: Resources, r: Resources, sign = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  if (r.scalar) {
    into.scalar ??= new Map();
    for (const [name, v] of r.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * v);
  }
}

/** into = max(into, r) per resource. */
export function maxResources(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    into.scalar ??= new Map();
    for (const [name, v] of r.scalar) into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, v));
  }
}

/** True when nothing is requested (a BestEffort-like request vector). */
export function isZero(r: Resources): boolean {
  if (r.milliCPU !== 0 || r.memory !== 0 || r.ephemeralStorage !== 0) return false;
  if (r.scalar) for (const v of r.scalar.values()) if (v !== 0) return false;
  return true;
}
