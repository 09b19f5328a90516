/** `-o name`: cli-runtime's NamePrinter (`pod/nginx`, `deployment.apps/web`, one line per object). */
import type { KObject } from '@mk/api';
import { isList, WatchEventObject, type ResourcePrinter } from '../printer';
import type { TextSink } from '../tabwriter';
import { requireTypeMeta } from './json';

/** `kind[.group]/name` for one object, as printObj formats it. */
export function resourceName(obj: KObject): string {
  const name = obj.metadata?.name || '<unknown>';
  const kind = obj.kind ? obj.kind.toLowerCase() : '<unknown>';
  const apiVersion = obj.kind ? (obj.apiVersion ?? '') : '';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return group ? `${kind}.${group}/${name}` : `${kind}/${name}`;
}

/** Prints `kind[.group]/name` lines; lists print their items. */
export class NamePrinter implements ResourcePrinter {
  print(obj: KObject | WatchEventObject, out: TextSink): void {
    const o = obj instanceof WatchEventObject ? obj.object : obj;
    if (isList(o)) {
      for (const item of o.items) this.print(item, out);
      return;
    }
    requireTypeMeta(o);
    out.write(`${resourceName(o)}\n`);
  }
}
