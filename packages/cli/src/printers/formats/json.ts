/** `-o json`: cli-runtime's JSONPrinter (4-space indent, sorted keys; watch events compact on one line). */
import type { KObject } from '@mk/api';
import { goJson } from '../../manifests/go-json';
import { WatchEventObject, type ResourcePrinter } from '../printer';
import type { TextSink } from '../tabwriter';

/** The error cli-runtime returns for objects without apiVersion and kind. */
export const MISSING_KIND_ERROR = 'missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type';

/** Throws MISSING_KIND_ERROR when an object has neither apiVersion nor kind. */
export function requireTypeMeta(obj: KObject): void {
  if (!obj.kind && !obj.apiVersion) throw new Error(MISSING_KIND_ERROR);
}

/** Prints objects as indented JSON. */
export class JsonPrinter implements ResourcePrinter {
  print(obj: KObject | WatchEventObject, out: TextSink): void {
    if (obj instanceof WatchEventObject) {
      // metav1.WatchEvent is a struct: its fields keep declaration order (type, object).
      out.write(`{"type":${goJson(obj.type)},"object":${goJson(obj.object)}}\n`);
      return;
    }
    requireTypeMeta(obj);
    out.write(`${goJson(obj, '    ')}\n`);
  }
}
