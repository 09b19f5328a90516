/** `-o yaml`: cli-runtime's YAMLPrinter (`---` between documents). */
import type { KObject } from '@mk/api';
import { WatchEventObject, type ResourcePrinter } from '../printer';
import type { TextSink } from '../tabwriter';
import { toKubectlYaml } from '../yaml/emitter';
import { requireTypeMeta } from './json';

/** Prints objects as YAML documents; the second and later ones are preceded by `---`. */
export class YamlPrinter implements ResourcePrinter {
  private printed = 0;

  print(obj: KObject | WatchEventObject, out: TextSink): void {
    if (!(obj instanceof WatchEventObject)) requireTypeMeta(obj);
    if (++this.printed > 1) out.write('---\n');
    out.write(toKubectlYaml(obj instanceof WatchEventObject ? { type: obj.type, object: obj.object } : obj));
  }
}
