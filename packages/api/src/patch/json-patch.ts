/**
 * JSON patch (RFC 6902), `application/json-patch+json`: what `kubectl rollout undo` and
 * `kubectl patch --type=json` send. Operations are applied with `fast-json-patch`; this file
 * only validates them and words failures the way the API server (evanphx/json-patch v4) does.
 */
import jsonpatch, { type Operation } from 'fast-json-patch';
import { PatchError } from './errors';
import { cloneJson, hasKey, isJsonObject } from './json';

/** One RFC 6902 operation as received on the wire (validated before use). */
export interface JsonPatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

const KNOWN_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/**
 * Applies RFC 6902 operations in order and returns the new document; `target` is not modified.
 * Malformed operations throw a `PatchError` with code 400, operations that do not apply
 * (missing paths, failed `test`) one with code 422, as the API server answers.
 */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  const ops = decodeOperations(operations);
  let document = cloneJson(target);
  ops.forEach((operation, index) => {
    document = applyOne(document, asLibraryOperation(document, operation), index);
  });
  return document;
}

function decodeOperations(operations: unknown): JsonPatchOperation[] {
  if (!Array.isArray(operations)) {
    throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch', 400);
  }
  return operations.map((operation) => {
    if (!isJsonObject(operation)) {
      const kind = Array.isArray(operation) ? 'array' : operation === null ? 'null' : typeof operation;
      throw new PatchError(`json: cannot unmarshal ${kind} into Go value of type jsonpatch.Operation`, 400);
    }
    const op = operation.op;
    if (typeof op !== 'string' || !KNOWN_OPS.has(op)) throw new PatchError(`Unexpected kind: ${String(op ?? '')}`, 422);
    if (typeof operation.path !== 'string') throw new PatchError(`${op} operation failed to decode path: missing value`, 422);
    if ((op === 'move' || op === 'copy') && typeof operation.from !== 'string') {
      throw new PatchError(`${op} operation failed to decode from: missing value`, 422);
    }
    if ((op === 'add' || op === 'replace' || op === 'test') && !hasKey(operation, 'value')) {
      throw new PatchError('operation, missing value field: missing value', 422);
    }
    return operation as unknown as JsonPatchOperation;
  });
}

/**
 * Upstream quirk kept on purpose: `replace` of a missing member of an existing object sets it
 * (evanphx/json-patch v4 does not check the key), where RFC 6902 would fail.
 */
function asLibraryOperation(document: unknown, operation: JsonPatchOperation): Operation {
  if (operation.op === 'replace' && operation.path !== '') {
    const parent = valueAt(document, parentPointer(operation.path));
    if (isJsonObject(parent)) return { op: 'add', path: operation.path, value: operation.value };
  }
  return cloneJson(operation) as Operation;
}

function applyOne(document: unknown, operation: Operation, index: number): unknown {
  try {
    return jsonpatch.applyOperation(document, operation, true, true, true, index).newDocument;
  } catch (error) {
    if (error instanceof jsonpatch.JsonPatchError) throw new PatchError(describeFailure(document, operation), 422);
    throw error;
  }
}

/** The evanphx/json-patch wording for an operation that does not apply to `document`. */
function describeFailure(document: unknown, operation: Operation): string {
  const { path } = operation;
  const parentExists = valueAt(document, parentPointer(path)) !== undefined;
  const key = lastToken(path);
  switch (operation.op) {
    case 'add':
      return parentExists && Array.isArray(valueAt(document, parentPointer(path)))
        ? `error in add for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`
        : `add operation does not apply: doc is missing path: "${path}": missing value`;
    case 'remove':
      if (!parentExists) return `remove operation does not apply: doc is missing path: "${path}": missing value`;
      return Array.isArray(valueAt(document, parentPointer(path)))
        ? `error in remove for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`
        : `error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`;
    case 'replace':
      return parentExists
        ? `replace operation does not apply: doc is missing key: ${path}: missing value`
        : `replace operation does not apply: doc is missing path: ${path}: missing value`;
    case 'test':
      return parentExists || path === ''
        ? `testing value ${path} failed: test failed`
        : `test operation does not apply: is missing path: ${path}: missing value`;
    case 'move':
    case 'copy':
      return valueAt(document, operation.from) === undefined
        ? `${operation.op} operation does not apply: doc is missing from path: ${operation.from}: missing value`
        : `${operation.op} operation does not apply: doc is missing destination path: ${path}: missing value`;
    default:
      return `Unexpected kind: ${operation.op}`;
  }
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

function lastToken(pointer: string): string {
  return jsonpatch.unescapePathComponent(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** The value at a JSON pointer, or `undefined` when the pointer does not resolve. */
function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = jsonpatch.unescapePathComponent(raw);
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (isJsonObject(current) && hasKey(current, token)) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}
