/**
 * The strategic-merge-patch failures, worded as apimachinery's `mergepatch` errors and with
 * the HTTP status the API server gives each (bad formats 400, lists of lists 422, the rest
 * surface as 500 internal errors upstream).
 */
import { PatchError } from './errors';
import { formatGoValue, jsonKind } from './json';

/** Go's name for the dynamic type of a decoded JSON value. */
function goTypeName(value: unknown): string {
  switch (jsonKind(value)) {
    case 'object':
      return 'map[string]interface {}';
    case 'array':
      return '[]interface {}';
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      return '%!s(<nil>)';
  }
}

/** Constructors for every strategic merge patch error. */
export const smpError = {
  noListOfLists: () => new PatchError('lists of lists are not supported', 422),
  badPrimitiveListFormat: () => new PatchError('invalid patch format of primitive list', 400),
  badRetainKeysFormat: () => new PatchError('invalid patch format of retainKeys', 400),
  badSetElementOrderFormat: () => new PatchError('invalid patch format of setElementOrder list', 400),
  noMergeKey: (map: unknown, key: string) =>
    new PatchError(`map: ${formatGoValue(map)} does not contain declared merge key: ${key}`, 500),
  expectedMap: (actual: unknown) =>
    new PatchError(`expected a map[string]interface {}, but received a ${goTypeName(actual)}`, 500),
  expectedList: (actual: unknown) =>
    new PatchError(`expected a []interface {}, but received a ${goTypeName(actual)}`, 500),
  badPatchType: (directive: unknown, map: unknown) =>
    new PatchError(`unknown patch type: ${String(directive)} in map: ${formatGoValue(map)}`, 500),
  mixedListTypes: (lists: unknown[][]) =>
    new PatchError(`list element types are not identical: ${formatGoValue(lists)}`, 500),
  noElements: () => new PatchError('no elements in any of the given slices', 500),
  invalidDirectiveValue: () => new PatchError('invalid value for special key: $patch', 500),
  listMergeDirective: () => new PatchError('merging lists cannot yet be specified in the patch', 500),
  noMergeKeyDeclared: (field: string) => new PatchError(`cannot merge lists without merge key for ${field}`, 500),
  orderMismatch: (patchList: unknown, order: unknown) =>
    new PatchError(
      `The order in patch list:\n${formatGoValue(patchList)}\n doesn't match $setElementOrder list:\n${formatGoValue(order)}\n`,
      500,
    ),
};
