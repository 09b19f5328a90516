/**
 * Turns `-o`/`--template` and the human-readable flags into a printer, in the order kubectl's
 * PrintFlags.ToPrinter tries them (templates, json/yaml, human, custom columns, name), with
 * its error messages.
 */
import { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate } from './formats/custom-columns';
import { JsonPrinter } from './formats/json';
import { JsonPathPrinter } from './formats/jsonpath';
import { NamePrinter } from './formats/name';
import { TablePrinter } from './formats/table';
import { YamlPrinter } from './formats/yaml';
import type { ResourcePrinter } from './printer';

/** The printing flags of `get` (and other commands printing objects). */
export interface OutputFlags {
  /** `-o` value, '' for the default table. */
  output: string;
  /** `--template` (for jsonpath, jsonpath-file and custom-columns). */
  template?: string;
  allowMissingTemplateKeys?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  showKind?: boolean;
  labelColumns?: string[];
}

/** Per resource type decorations the command knows (cli-runtime sets them per REST mapping). */
export interface PrinterContext {
  withNamespace: boolean;
  withKind: boolean;
  /** Lower-cased GroupKind, e.g. `deployment.apps`. */
  kind: string;
  now: Date;
}

/** A validated output format that builds fresh printers (kubectl makes one per resource type). */
export interface OutputFormat {
  /** True for the default and `wide` formats: ask the server for Tables and print them. */
  human: boolean;
  build(ctx: PrinterContext): ResourcePrinter;
}

/** Go's os error text for a failed read of a template file (`open /x: no such file or directory`). */
function fileError(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `open ${path}: no such file or directory`;
  if (code === 'EACCES') return `open ${path}: permission denied`;
  if (code === 'EISDIR') return `read ${path}: is a directory`;
  return (err as Error)?.message ?? String(err);
}

const SUPPORTED = ['custom-columns', 'custom-columns-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'wide', 'yaml'];
const GO_TEMPLATES = ['go-template', 'go-template-file', 'template', 'templatefile'];

/** Splits `format=value` for the given format names; --template supplies the value otherwise. */
function splitFormat(output: string, formats: string[], template: string | undefined): [string, string] | undefined {
  if (template) return formats.includes(output) ? [output, template] : undefined;
  if (formats.includes(output)) return [output, ''];
  for (const f of formats) if (output.startsWith(`${f}=`)) return [f, output.slice(f.length + 1)];
  return undefined;
}

/** Validates the flags and returns a printer factory; throws kubectl's errors. */
export function parseOutputFormat(flags: OutputFlags, readFile: (path: string) => string): OutputFormat {
  let output = flags.output;
  if (flags.template && output === '') output = 'go-template';
  const goTemplate = splitFormat(output, GO_TEMPLATES, flags.template);
  if (goTemplate) throw new Error(`output format ${JSON.stringify(goTemplate[0])} is not supported by mk; use -o jsonpath instead`);

  const jsonPath = splitFormat(output, ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'], flags.template);
  if (jsonPath) {
    const [format, value] = jsonPath;
    if (value === '') throw new Error('template format specified but no template given');
    let source = value;
    if (format === 'jsonpath-file') {
      try {
        source = readFile(value);
      } catch (err) {
        throw new Error(`error reading --template ${value}, ${fileError(value, err)}`);
      }
    }
    const options = { allowMissingKeys: flags.allowMissingTemplateKeys ?? true, outputJson: format === 'jsonpath-as-json' };
    new JsonPathPrinter(source, options); // validates the template up front, as kubectl does
    return { human: false, build: () => new JsonPathPrinter(source, options) };
  }
  if (output === 'json') return { human: false, build: () => new JsonPrinter() };
  if (output === 'yaml') return { human: false, build: () => new YamlPrinter() };
  if (output === '' || output === 'wide') {
    return {
      human: true,
      build: (ctx) =>
        new TablePrinter({
          noHeaders: flags.noHeaders,
          wide: output === 'wide',
          withNamespace: ctx.withNamespace,
          withKind: ctx.withKind || !!flags.showKind,
          kind: ctx.kind,
          columnLabels: flags.labelColumns ?? [],
          showLabels: flags.showLabels,
          now: ctx.now,
        }),
    };
  }
  const columns = splitFormat(output, ['custom-columns', 'custom-columns-file'], flags.template);
  if (columns) {
    const [format, value] = columns;
    if (value === '') throw new Error('custom-columns format specified but no custom columns given');
    let parsed;
    if (format === 'custom-columns-file') {
      let text: string;
      try {
        text = readFile(value);
      } catch (err) {
        // kubectl opens the file and then scans it: a directory opens fine and reads as empty.
        if ((err as NodeJS.ErrnoException)?.code !== 'EISDIR') throw new Error(`error reading template ${value}, ${fileError(value, err)}\n`);
        text = '';
      }
      parsed = parseCustomColumnsTemplate(text);
    } else {
      parsed = parseCustomColumnsSpec(value);
    }
    const noHeaders = format === 'custom-columns' ? !!flags.noHeaders : false;
    return { human: false, build: () => new CustomColumnsPrinter(parsed, noHeaders) };
  }
  if (output === 'name') return { human: false, build: () => new NamePrinter() };
  throw new Error(`unable to match a printer suitable for the output format ${JSON.stringify(flags.output)}, allowed formats are: ${SUPPORTED.join(',')}`);
}
