/** `-o jsonpath=…`, `jsonpath-file=…`, `jsonpath-as-json=…`: cli-runtime's JSONPathPrinter. */
import { goSharpV, strconvQuote, type KObject } from '@mk/api';
import { JsonPathTemplate } from '../jsonpath/template';
import { WatchEventObject, type ResourcePrinter } from '../printer';
import type { TextSink } from '../tabwriter';

/** Executes a template against each printed object. */
export class JsonPathPrinter implements ResourcePrinter {
  private readonly template: JsonPathTemplate;

  /** Parses the template; throws kubectl's "error parsing jsonpath" error. */
  constructor(
    private readonly source: string,
    options: { allowMissingKeys: boolean; outputJson?: boolean },
  ) {
    try {
      this.template = new JsonPathTemplate(source, options);
    } catch (err) {
      throw new Error(`error parsing jsonpath ${source}, ${(err as Error).message}`);
    }
  }

  print(obj: KObject | WatchEventObject, out: TextSink): void {
    const data = obj instanceof WatchEventObject ? { type: obj.type, object: obj.object } : obj;
    let text: string;
    try {
      text = this.template.execute(data);
    } catch (err) {
      throw new Error(
        `error executing jsonpath ${strconvQuote(this.source)}: Error executing template: ${(err as Error).message}. ` +
          `Printing more information for debugging the template:\n\ttemplate was:\n\t\t${this.source}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`,
      );
    }
    out.write(text);
  }
}
