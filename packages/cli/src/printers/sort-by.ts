/**
 * `--sort-by`: kubectl's TableSorter and SortObjects. Rows (with full objects, requested via
 * includeObject=Object) or list items are ordered by the first value of a JSONPath; strings
 * that both parse as quantities compare numerically (so `10` > `9` and `1Gi` > `1G`).
 */
import { compareQuantities, GoFloat, goTypeName, isGoInt, strconvQuote, type KObject } from '@mk/api';
import { tryParseQuantity } from '../describe/quantities';
import { JsonPathTemplate } from './jsonpath/template';
import type { Table } from './printer';

/** Sorts a Table's rows in place by a (relaxed) JSONPath field. */
export function sortTableRows(table: Table, field: string): void {
  let template: JsonPathTemplate;
  try {
    template = new JsonPathTemplate(field, { allowMissingKeys: true });
  } catch (err) {
    throw new Error(`sorting error: ${(err as Error).message}`);
  }
  const rows = table.rows ?? [];
  const keyed = rows.map((row) => ({ row, key: firstValue(template.findResults(row.object ?? null)) }));
  if (rows.length > 0 && keyed.every((k) => k.key === MISSING)) throw notFound(field);
  table.rows = goSort(keyed, (a, b) => less(a.key, b.key, field)).map((k) => k.row);
}

/** Sorts list items by a (relaxed) JSONPath field (SortObjects). */
export function sortItems(items: KObject[], field: string): KObject[] {
  if (items.length === 0) return items;
  const template = new JsonPathTemplate(field, { allowMissingKeys: true });
  const keyed = items.map((item) => ({ item, key: firstValue(template.findResults(item)) }));
  if (keyed.every((k) => k.key === MISSING)) throw notFound(field);
  return goSort(keyed, (a, b) => less(a.key, b.key, field)).map((k) => k.item);
}

const MISSING = Symbol('missing');

function firstValue(results: unknown[][]): unknown {
  return results.length === 0 || results[0].length === 0 ? MISSING : results[0][0];
}

function notFound(field: string): Error {
  return new Error(`couldn't find any field with path ${strconvQuote(field)} in the list of objects`);
}

/** Values --sort-by cannot order; kubectl exits at once (klog.Exitf) rather than reporting them per object. */
export class UnsortableError extends Error {
  override name = 'UnsortableError';
}

/** Less on the first values: missing sorts first, then kubectl's isLess. */
function less(a: unknown, b: unknown, field: string): boolean {
  if (a === MISSING) return true;
  if (b === MISSING) return false;
  try {
    return isLess(a, b);
  } catch (err) {
    throw new UnsortableError(`Field ${field} in [][][]reflect.Value is an unsortable type: interface, err: ${(err as Error).message}`);
  }
}

/** kubectl's isLess for values held in interface{}: numbers, strings (quantities numerically), nil first. */
export function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'string') {
    if (typeof b !== 'string') throw new Error('unsortable interface: interface');
    const qa = tryParseQuantity(a);
    const qb = qa && tryParseQuantity(b);
    return qa && qb ? compareQuantities(qa, qb) < 0 : a < b;
  }
  if (typeof a === 'number' || a instanceof GoFloat) {
    const av = a instanceof GoFloat ? a.value : a;
    const aInt = !(a instanceof GoFloat) && isGoInt(a);
    const bInt = typeof b === 'number' && isGoInt(b);
    if ((typeof b !== 'number' && !(b instanceof GoFloat)) || aInt !== bInt) throw new Error('unsortable interface: interface');
    return av < (b instanceof GoFloat ? b.value : (b as number));
  }
  throw new Error(`unsortable type: ${goTypeName(a)}`);
}

/** Go's sort.Sort order: insertion sort up to 12 elements (what kubectl's outputs show), stable merge beyond. */
export function goSort<T>(items: T[], lessFn: (a: T, b: T) => boolean): T[] {
  const out = [...items];
  if (out.length <= 12) {
    for (let i = 1; i < out.length; i++) {
      for (let j = i; j > 0 && lessFn(out[j], out[j - 1]); j--) [out[j], out[j - 1]] = [out[j - 1], out[j]];
    }
    return out;
  }
  return mergeSort(out, lessFn);
}

function mergeSort<T>(items: T[], lessFn: (a: T, b: T) => boolean): T[] {
  if (items.length <= 1) return items;
  const mid = items.length >> 1;
  const left = mergeSort(items.slice(0, mid), lessFn);
  const right = mergeSort(items.slice(mid), lessFn);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(lessFn(right[j], left[i]) ? right[j++] : left[i++]);
  return out.concat(left.slice(i), right.slice(j));
}
