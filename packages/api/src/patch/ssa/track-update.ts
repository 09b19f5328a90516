/**
 * Field ownership for non-apply writes (create, update, and JSON/merge/strategic patches): the
 * writing manager gains every field it added or changed, and other managers lose those fields
 * and every field the write removed — upstream's `Update` operation.
 *
 * Coarser than upstream in one respect: without Go types, a struct the write adds is recorded
 * as owned itself (a `.` entry) where upstream records only pointer structs and maps that way.
 * Ownership of the fields below it is the same. The cap of ten update managers is not applied.
 */
import type { KObject } from '../../registry/types';
import { cloneJson, isJsonObject, type JsonObject } from '../json';
import type { PatchMeta } from '../patch-meta';
import { compareObjects } from './compare';
import { decodeManagedFields, formatTime, managerIdentity, stripUntracked, withManagedFields, type ManagerFields } from './managed-fields';

/** Inputs of one non-apply write. */
export interface TrackUpdateInput {
  /** The object before the write, or `undefined` for a create. */
  previous: KObject | undefined;
  /** The object about to be stored. Its own `managedFields` are honoured as upstream does (`[]` resets). */
  updated: KObject;
  /** The `fieldManager` (upstream derives a default from the user agent). */
  manager: string;
  meta: PatchMeta;
  now: Date;
  /** The request's group/version; defaults to `updated.apiVersion`. */
  apiVersion?: string;
  /** `status`, `scale`, … when the write went to a subresource. */
  subresource?: string;
}

/** `updated` with `metadata.managedFields` recording this write. */
export function trackUpdate(input: TrackUpdateInput): KObject {
  const apiVersion = input.apiVersion ?? input.updated.apiVersion ?? '';
  const managers = startingOwnership(input);
  const scope = trackedPart(input.subresource);
  const { added, modified, removed } = compareObjects(scope(input.previous), scope(input.updated), input.meta);
  const written = stripUntracked(added.union(modified));

  const me = { manager: input.manager, operation: 'Update' as const, apiVersion, subresource: input.subresource };
  const myId = managerIdentity(me);
  const result: ManagerFields[] = managers.map((m) => ({ ...m, fields: m.fields.difference(written).difference(removed) }));
  if (!written.isEmpty()) {
    const mine = result.find((m) => managerIdentity(m) === myId);
    if (mine) {
      mine.fields = mine.fields.union(written);
      mine.time = formatTime(input.now);
    } else {
      result.push({ ...me, fields: written, time: formatTime(input.now) });
    }
  }
  return withManagedFields(input.updated as JsonObject, result);
}

/** Whose ownership the write starts from: the request's own managedFields if it sent any, else the live ones. */
function startingOwnership(input: TrackUpdateInput): ManagerFields[] {
  const sent = input.updated.metadata?.managedFields;
  if (!input.subresource && Array.isArray(sent)) {
    if (sent.length === 0) return [];
    const decoded = decodeManagedFields(sent);
    if (decoded.length > 0) return decoded;
  }
  return decodeManagedFields(input.previous?.metadata?.managedFields);
}

/**
 * The part of an object a write is tracked on: a main-resource write never owns `status`
 * (strategies reset it), a `status` write owns only `status`.
 */
function trackedPart(subresource: string | undefined): (object: KObject | undefined) => JsonObject {
  return (object) => {
    if (!object) return {};
    const copy = cloneJson(object) as JsonObject;
    if (isJsonObject(copy.metadata)) delete copy.metadata.managedFields;
    if (subresource === 'status') return copy.status === undefined ? {} : { status: copy.status };
    delete copy.status;
    return copy;
  };
}
