/**
 * Server-side apply (`PATCH` with `application/apply-patch+yaml`): merges a manager's applied
 * configuration into the live object, tracks what each manager owns in
 * `metadata.managedFields`, prunes what the manager stopped applying, and refuses to take
 * fields other managers own unless forced. The structured-merge-diff algorithm, on plain JSON
 * with the list-map keys of `PatchMeta`.
 */
import type { KObject } from '../../registry/types';
import { PatchError } from '../errors';
import { cloneJson, deepEqual, isJsonObject, type JsonObject } from '../json';
import type { PatchMeta } from '../patch-meta';
import { compareObjects } from './compare';
import { conflictError, type ManagerConflict } from './conflicts';
import {
  decodeManagedFields,
  formatTime,
  managerIdentity,
  stripUntracked,
  withManagedFields,
  type ManagerFields,
} from './managed-fields';
import { mergeApplied } from './merge-applied';
import { pruneDropped } from './prune';
import { toFieldSet } from './to-field-set';

/** Inputs of one server-side apply. */
export interface ServerSideApplyInput {
  /** The live object, or `undefined` to create it. */
  current: KObject | undefined;
  /** The decoded request body: the manager's full intent for the fields it cares about. */
  applied: unknown;
  /** The `fieldManager` query parameter (required for apply). */
  manager: string;
  /** The `force` query parameter: take conflicting fields from other managers. */
  force?: boolean;
  /** Patch metadata of the kind (list-map keys, atomic maps). */
  meta: PatchMeta;
  /** Clock for `managedFields[].time`. */
  now: Date;
  /** Top-level fields an apply to this endpoint may not set; default `['status']` (main resource). */
  resetFields?: readonly string[];
}

/** Outcome of a server-side apply. */
export interface ServerSideApplyResult {
  /** The object to store (with `metadata.managedFields`), before defaulting and validation. */
  object: KObject;
  /** True when `current` was undefined. */
  created: boolean;
  /** True when anything but `managedFields` differs from `current`. */
  changed: boolean;
}

/**
 * Applies `applied` for `manager`. Throws `ConflictError` (409) when the apply would change
 * fields another manager owns and `force` is not set, `PatchError` (400) for a malformed body.
 */
export function serverSideApply(input: ServerSideApplyInput): ServerSideApplyResult {
  const config = appliedConfig(input.applied, input.resetFields ?? ['status']);
  const apiVersion = typeof config.apiVersion === 'string' ? config.apiVersion : '';
  const live = liveObject(input.current);
  const managers = decodeManagedFields(input.current?.metadata?.managedFields);
  const applierId = managerIdentity({ manager: input.manager, operation: 'Apply', apiVersion });
  const previous = managers.find((m) => managerIdentity(m) === applierId);
  const others = managers.filter((m) => m !== previous);
  const appliedFields = toFieldSet(config, input.meta);
  const fields = stripUntracked(appliedFields);

  let merged = mergeApplied(live, config, input.meta);
  if (previous) {
    // The unstripped set still owns metadata.name and friends, which keeps `metadata` itself.
    const ownedNow = others.reduce((all, m) => all.union(m.fields), appliedFields);
    merged = pruneDropped(merged, previous.fields, ownedNow, input.meta);
  }

  const { added, modified, removed } = compareObjects(live, merged, input.meta);
  const changedFields = added.union(modified);
  const conflicts: ManagerConflict[] = [];
  const remaining: ManagerFields[] = others.map((owner) => {
    const clash = owner.fields.intersection(changedFields);
    if (!clash.isEmpty()) conflicts.push({ owner, paths: clash.paths() });
    return { ...owner, fields: owner.fields.difference(clash).difference(removed) };
  });
  if (conflicts.length > 0 && !input.force) throw conflictError(conflicts);

  const changed = !deepEqual(live, merged);
  const applier: ManagerFields = {
    manager: input.manager,
    operation: 'Apply',
    apiVersion,
    fields,
    // Upstream stamps the time only when the apply changed the object.
    time: changed || !previous?.time ? formatTime(input.now) : previous.time,
  };
  return { object: withManagedFields(merged, [...remaining, applier]), created: input.current === undefined, changed };
}

function appliedConfig(applied: unknown, resetFields: readonly string[]): JsonObject {
  if (!isJsonObject(applied)) throw new PatchError('error decoding patch: the body of an apply patch must be an object', 400);
  const metadata = applied.metadata;
  if (isJsonObject(metadata) && metadata.managedFields !== undefined && metadata.managedFields !== null) {
    throw new PatchError('metadata.managedFields must be nil', 400);
  }
  const config = cloneJson(applied);
  for (const field of resetFields) delete config[field];
  return config;
}

function liveObject(current: KObject | undefined): JsonObject {
  if (!current) return {};
  const live = cloneJson(current) as JsonObject;
  if (isJsonObject(live.metadata)) delete live.metadata.managedFields;
  return live;
}
