/** Patch algorithms: JSON merge patch, JSON patch, strategic merge patch, client- and server-side apply. */
export { PatchError, ConflictError, type PatchErrorCode, type ApplyConflictCause } from './errors';
export { applyMergePatch, createMergePatch } from './merge-patch';
export { applyJsonPatch, type JsonPatchOperation } from './json-patch';
export { type FieldMeta, type PatchMeta, type ApplyListKind, PLAIN_FIELD, applyListKind } from './patch-meta';
export { patchMetaFor, hasKindPatchMeta } from './builtin-meta';
export { applyStrategicMergePatch } from './smp-apply';
export { createTwoWayStrategicMergePatch } from './smp-diff';
export { createThreeWayStrategicMergePatch, createThreeWayJsonMergePatch } from './three-way';
export { serverSideApply, type ServerSideApplyInput, type ServerSideApplyResult } from './ssa/server-side-apply';
export { trackUpdate, type TrackUpdateInput } from './ssa/track-update';
export { type ManagedFieldsEntry } from './ssa/managed-fields';
