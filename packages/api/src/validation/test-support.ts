/** Test helpers: run the registry's pipeline (create/update preparation, defaults, validation) and read messages. */
import type { KObject } from '../registry/types';
import { findKindByGVK } from '../registry';
import { fieldErrorMessage } from './messages';
import { validateObject } from './validate-object';

function infoFor(obj: KObject) {
  const [group, version] = (obj.apiVersion ?? 'v1').includes('/') ? (obj.apiVersion as string).split('/') : ['', obj.apiVersion ?? 'v1'];
  const info = findKindByGVK(group, version, obj.kind ?? '');
  if (!info) throw new Error(`no kind ${obj.apiVersion} ${obj.kind}`);
  return info;
}

/** The messages a create of obj produces after preparation and defaulting. */
export function createErrors(input: KObject): string[] {
  const obj = structuredClone(input);
  const info = infoFor(obj);
  info.prepareForCreate?.(obj, new Date('2024-01-01T00:00:00Z'));
  info.applyDefaults(obj);
  return validateObject(info, obj).map(fieldErrorMessage);
}

/**
 * The messages an update produces: old is created first, then `change` edits
 * a copy of the stored object (as `kubectl edit` or a patch would).
 */
export function updateErrors(oldInput: KObject, change: (next: KObject) => void): string[] {
  const old = structuredClone(oldInput);
  const info = infoFor(old);
  info.prepareForCreate?.(old, new Date('2024-01-01T00:00:00Z'));
  info.applyDefaults(old);
  old.metadata = { ...old.metadata, uid: old.metadata?.uid ?? 'uid-1', resourceVersion: '1' };
  const next = structuredClone(old);
  change(next);
  info.prepareForUpdate?.(next, old);
  info.applyDefaults(next);
  return validateObject(info, next, old).map(fieldErrorMessage);
}
