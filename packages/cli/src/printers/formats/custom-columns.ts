/**
 * `-o custom-columns=HEADER:.path,…` and `custom-columns-file=`: kubectl's CustomColumnsPrinter.
 * Each column is a JSONPath (missing keys allowed); no value prints `<none>`, several values
 * are comma-joined with Go's %v formatting.
 */
import { goSprint, type KObject } from '@mk/api';
import { relaxedJsonPath } from '../jsonpath/relaxed';
import { JsonPathTemplate } from '../jsonpath/template';
import { escapeTerminal, isList, WatchEventObject, type ResourcePrinter } from '../printer';
import { KUBECTL_TABLE_OPTIONS, TabWriter, type TextSink } from '../tabwriter';

/** One user-specified column. */
export interface CustomColumn {
  header: string;
  /** A JSONPath template such as `{.metadata.name}`. */
  fieldSpec: string;
}

/** Parses `NAME:.metadata.name,IMAGE:.spec.containers[0].image`. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

/** Parses a custom-columns file: a line of headers and a line of field specs, whitespace-separated. */
export function parseCustomColumnsTemplate(text: string): CustomColumn[] {
  // bufio.ScanLines: a final newline ends the last line rather than starting another; CRs are dropped.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  const words = (line: string | undefined) => (line ?? '').split(/\s+/).filter((w) => w !== '');
  const usage = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (lines.length < 1) throw new Error(`invalid template, missing header line. ${usage}`);
  if (lines.length < 2) throw new Error(`invalid template, missing spec line. ${usage}`);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPath(specs[i]) }));
}

/** Prints the columns; the header is repeated only when the printed object type changes. */
export class CustomColumnsPrinter implements ResourcePrinter {
  private lastType: string | undefined;

  constructor(
    private readonly columns: CustomColumn[],
    private readonly noHeaders: boolean,
  ) {}

  print(obj: KObject | WatchEventObject, out: TextSink): void {
    // Like kubectl, write through the caller's tabwriter or align this call on its own.
    const own = out instanceof TabWriter ? undefined : new TabWriter(out, KUBECTL_TABLE_OPTIONS);
    const w = own ?? out;
    const type = obj instanceof WatchEventObject ? 'event' : isList(obj) ? 'list' : 'object';
    if (!this.noHeaders && type !== this.lastType) {
      w.write(`${this.columns.map((c) => c.header).join('\t')}\n`);
      this.lastType = type;
    }
    const templates = this.columns.map((c) => new JsonPathTemplate(c.fieldSpec, { allowMissingKeys: true }));
    const items = obj instanceof WatchEventObject ? [{ type: obj.type, object: obj.object }] : isList(obj) ? obj.items : [obj];
    for (const item of items) w.write(`${templates.map((t) => cellFor(t, item)).join('\t')}\n`);
    own?.flush();
  }
}

function cellFor(template: JsonPathTemplate, data: unknown): string {
  const values = template.findResults(data);
  const strings = values.length === 0 || values[0].length === 0 ? ['<none>'] : [];
  for (const group of values) for (const v of group) strings.push(escapeTerminal(goSprint(v)));
  return strings.join(',');
}
