/**
 * System-owned metadata: set on create (uid, creationTimestamp, generation,
 * generated names), carried over on update so clients cannot rewrite them.
 */
import { randomUUID } from 'node:crypto';
import type { KindInfo, KObject } from '@mk/api';

// Upstream's generateName alphabet avoids vowels and look-alike characters.
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

export function generateNameSuffix(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

export function fillCreateMeta(info: KindInfo, obj: KObject, now: Date): void {
  const meta = (obj.metadata ??= {});
  if (!meta.name && meta.generateName) meta.name = meta.generateName + generateNameSuffix();
  meta.uid = randomUUID();
  meta.creationTimestamp = isoSeconds(now);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  if (info.hasGeneration) meta.generation = 1;
  else delete meta.generation;
  if (!info.keepStatusOnCreate) for (const f of info.statusFields) delete obj[f];
}

/** Carries system fields from the stored object onto an update. */
export function carryUpdateMeta(info: KindInfo, next: KObject, current: KObject): void {
  const meta = (next.metadata ??= {});
  const cur = current.metadata ?? {};
  meta.uid = cur.uid;
  meta.creationTimestamp = cur.creationTimestamp;
  meta.namespace = cur.namespace;
  if (cur.deletionTimestamp) meta.deletionTimestamp = cur.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (cur.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = cur.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  if (cur.generateName !== undefined && meta.generateName === undefined) meta.generateName = cur.generateName;
  if (info.hasGeneration) meta.generation = cur.generation ?? 1;
  else delete meta.generation;
}

/** Kubernetes timestamps have second precision (RFC 3339, `Z`). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** True when anything outside metadata and status differs (what bumps metadata.generation). */
export function specChanged(info: KindInfo, a: KObject, b: KObject): boolean {
  const strip = (o: KObject) => {
    const { metadata: _m, ...rest } = o;
    for (const f of info.statusFields) delete (rest as Record<string, unknown>)[f];
    return rest;
  };
  return !deepEqual(strip(a), strip(b));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
