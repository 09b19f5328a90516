/**
 * `metadata.managedFields`: decoding the entries into per-manager field sets and encoding
 * them back in upstream's order and shape.
 */
import type { KObject } from '../../registry/types';
import { isJsonObject, type JsonObject } from '../json';
import { FieldSet } from './field-set';

/** One `metadata.managedFields` entry (meta/v1 ManagedFieldsEntry). */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
}

/** A manager's ownership while an operation is computed. */
export interface ManagerFields {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
  fields: FieldSet;
}

/**
 * Who a manager is, for matching entries: appliers by name (and subresource) whatever the
 * version they applied, updaters by name, version and subresource, as upstream keys them.
 */
export function managerIdentity(entry: Pick<ManagerFields, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const version = entry.operation === 'Apply' ? '' : entry.apiVersion;
  return JSON.stringify([entry.manager, entry.operation, version, entry.subresource ?? '']);
}

/** How upstream names a manager in conflict messages: `"kubectl"`, `"x" using apps/v1`. */
export function describeManager(entry: Pick<ManagerFields, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  let text = JSON.stringify(entry.manager);
  if (entry.subresource) text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  if (entry.operation === 'Update') text += ` using ${entry.apiVersion}`;
  return text;
}

/** Decodes `metadata.managedFields`; malformed entries are dropped rather than failing the request. */
export function decodeManagedFields(entries: unknown): ManagerFields[] {
  if (!Array.isArray(entries)) return [];
  const out: ManagerFields[] = [];
  for (const entry of entries) {
    if (!isJsonObject(entry)) continue;
    const { manager, operation, apiVersion, time, subresource, fieldsType } = entry;
    if (operation !== 'Apply' && operation !== 'Update') continue;
    if (typeof apiVersion !== 'string' || apiVersion === '' || fieldsType !== 'FieldsV1') continue;
    try {
      out.push({
        manager: typeof manager === 'string' ? manager : '',
        operation,
        apiVersion,
        ...(typeof subresource === 'string' && subresource ? { subresource } : {}),
        ...(typeof time === 'string' ? { time } : {}),
        fields: FieldSet.fromFieldsV1(entry.fieldsV1),
      });
    } catch {
      // An unreadable FieldsV1 is treated as no ownership, as upstream resets undecodable fields.
    }
  }
  return out;
}

/** Encodes managers back into entries, dropping empty ones, sorted as upstream sorts them. */
export function encodeManagedFields(managers: ManagerFields[]): ManagedFieldsEntry[] {
  const seconds = (time?: string) => (time ? Math.floor(Date.parse(time) / 1000) : 0);
  const text = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
  return managers
    .filter((m) => !m.fields.isEmpty())
    .sort(
      (p, q) =>
        text(p.operation, q.operation) ||
        seconds(p.time) - seconds(q.time) ||
        text(p.manager, q.manager) ||
        text(p.apiVersion, q.apiVersion) ||
        text(p.subresource, q.subresource),
    )
    .map((m) => ({
      manager: m.manager,
      operation: m.operation,
      apiVersion: m.apiVersion,
      ...(m.time ? { time: m.time } : {}),
      fieldsType: 'FieldsV1' as const,
      fieldsV1: m.fields.toFieldsV1(),
      ...(m.subresource ? { subresource: m.subresource } : {}),
    }));
}

/** RFC 3339 with seconds, as metav1.Time serializes. */
export function formatTime(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Paths never tracked for any manager (upstream's strip set): identity and bookkeeping fields. */
export function stripUntracked(fields: FieldSet): FieldSet {
  const untracked = new FieldSet()
    .insert([{ field: 'apiVersion' }])
    .insert([{ field: 'kind' }])
    .insert([{ field: 'metadata' }]);
  for (const name of ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']) {
    untracked.insert([{ field: 'metadata' }, { field: name }]);
  }
  return fields.difference(untracked);
}

/** `object` with `metadata.managedFields` set to the encoded managers (absent when none). */
export function withManagedFields(object: JsonObject, managers: ManagerFields[]): KObject {
  const entries = encodeManagedFields(managers);
  const metadata = isJsonObject(object.metadata) ? { ...object.metadata } : {};
  delete metadata.managedFields;
  if (entries.length > 0) metadata.managedFields = entries;
  return { ...object, metadata } as KObject;
}
