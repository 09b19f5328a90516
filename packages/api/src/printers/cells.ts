/** Cell formatting helpers shared by the printers (upstream's small helpers in printers.go). */
import type { KObject } from '../registry/types';
import { translateTimestampSince } from '../duration';
import { formatQuantity, parseQuantity } from '../quantity';

/** metadata.name, "" when missing. */
export function nameOf(obj: KObject): string {
  return obj.metadata?.name ?? '';
}

/** The AGE cell: time since creationTimestamp. */
export function ageOf(obj: KObject, now: Date): string {
  return translateTimestampSince(obj.metadata?.creationTimestamp, now);
}

/** Whether metadata.deletionTimestamp is set (the object is terminating). */
export function isDeleting(obj: KObject): boolean {
  return Boolean(obj.metadata?.deletionTimestamp);
}

/** layoutContainerCells: container names and images, each comma-joined. */
export function containerCells(containers: Array<{ name?: string; image?: string }> | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/** printBoolPtr: `True`, `False`, or `<unset>`. */
export function boolPtrCell(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '<unset>';
  return value ? 'True' : 'False';
}

/** Quantity.String() of a JSON quantity (string or number); the raw text if it does not parse. */
export function quantityCell(value: string | number | null | undefined, missing: string): string {
  if (value === null || value === undefined) return missing;
  const text = String(value);
  try {
    return formatQuantity(parseQuantity(text));
  } catch {
    return text;
  }
}

/** The first condition of a type, as the printers look conditions up. */
export function findCondition<C extends { type?: string }>(conditions: C[] | undefined, type: string): C | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}
