/** Reads for field selectors: values as upstream's fields.Set renders them (strings; "" when absent). */
import type { KObject } from '../types';

/** The string at a dotted path of the object, or "". */
export function fieldString(obj: KObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : '';
}

/** A boolean field as strconv.FormatBool renders it ("false" when absent). */
export function fieldBool(obj: KObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return 'false';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === true ? 'true' : 'false';
}

/** An integer field in decimal ("0" when absent). */
export function fieldInt(obj: KObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '0';
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'number' ? String(Math.trunc(cur)) : '0';
}

/** Selectors reading plain string fields at the same paths. */
export function stringSelectors(...paths: string[]): Record<string, (obj: KObject) => string> {
  return Object.fromEntries(paths.map((p) => [p, (o: KObject) => fieldString(o, p)]));
}
