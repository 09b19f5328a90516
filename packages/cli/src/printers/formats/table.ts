/**
 * The human-readable (default and `-o wide`) format: cli-runtime's HumanReadablePrinter.
 * Server Tables are decorated client-side (NAMESPACE column, `kind/` name prefix, -L label
 * columns, LABELS) and printed tab-separated for the caller's tabwriter; headers are printed
 * once per column set, so consecutive Tables (chunks, named gets, watch events) share them.
 * Objects that are not Tables fall back to NAME/AGE, Status objects to STATUS/REASON/MESSAGE.
 */
import { formatLabels, goSprint, translateTimestampSince, type KObject } from '@mk/api';
import {
  escapeTerminal,
  isList,
  isTable,
  WatchEventObject,
  type ResourcePrinter,
  type Table,
  type TableColumnDefinition,
  type TableRow,
} from '../printer';
import type { TextSink } from '../tabwriter';

/** cli-runtime PrintOptions for tables. */
export interface TablePrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  withKind?: boolean;
  /** Lower-cased GroupKind for the name prefix, e.g. `deployment.apps`. */
  kind?: string;
  columnLabels?: string[];
  showLabels?: boolean;
  /** Clock for the AGE column of objects the server did not print. */
  now: Date;
}

type Handler = 'default' | 'status';

const EVENT_NAMES: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

function formatEventType(type: string): string {
  return EVENT_NAMES[type] ?? type;
}

/** `-L` headers: the part after the last `/`, upper-cased. */
export function formatLabelHeaders(columnLabels: string[]): string[] {
  return columnLabels.map((l) => l.split('/').pop()!.toUpperCase());
}

function labelsOf(obj: KObject | null | undefined): Record<string, string> {
  return (obj?.metadata?.labels as Record<string, string> | undefined) ?? {};
}

/** HumanReadablePrinter: remembers the last columns and whether their header was printed. */
export class TablePrinter implements ResourcePrinter {
  private lastColumns: TableColumnDefinition[] | undefined;
  private printedHeaders = false;
  private lastType: Handler | undefined;

  constructor(private readonly options: TablePrintOptions) {}

  print(input: KObject | WatchEventObject, out: TextSink): void {
    const eventType = input instanceof WatchEventObject ? input.type : '';
    const obj = input instanceof WatchEventObject ? input.object : input;
    if (isTable(obj)) return this.printServerTable(obj, eventType, out);
    const handler: Handler = obj.kind === 'Status' && (obj.apiVersion === 'v1' || obj.apiVersion === 'meta.k8s.io/v1') ? 'status' : 'default';
    const includeHeaders = this.lastType !== handler && !this.options.noHeaders;
    if (this.lastType !== undefined && this.lastType !== handler && !this.options.noHeaders) out.write('\n');
    this.printHandlerRows(handler, obj, eventType, includeHeaders, out);
    this.lastType = handler;
  }

  private printServerTable(source: Table, eventType: string, out: TextSink): void {
    const table = structuredClone(source);
    const columns = table.columnDefinitions ?? [];
    const opts = { ...this.options };
    if (this.printedHeaders && (columns.length === 0 || sameColumns(columns, this.lastColumns))) opts.noHeaders = true;
    if (columns.length === 0) {
      // Watch events may omit the columns to save bandwidth; reuse the last ones.
      table.columnDefinitions = this.lastColumns ?? [];
    } else if (!sameColumns(columns, this.lastColumns)) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    if ((table.rows ?? []).length > 0) this.printedHeaders = true;
    decorateTable(table, opts);
    if (eventType) {
      table.columnDefinitions = [{ name: 'Event', type: 'string' }, ...(table.columnDefinitions ?? [])];
      for (const row of table.rows ?? []) row.cells = [formatEventType(eventType), ...row.cells];
    }
    printTable(table, out, opts);
  }

  private printHandlerRows(handler: Handler, obj: KObject, eventType: string, includeHeaders: boolean, out: TextSink): void {
    const o = this.options;
    if (includeHeaders) {
      let headers = handler === 'status' ? ['STATUS', 'REASON', 'MESSAGE'] : ['NAME', 'AGE'];
      headers = [...headers, ...formatLabelHeaders(o.columnLabels ?? []), ...(o.showLabels ? ['LABELS'] : [])];
      if (o.withNamespace) headers = ['NAMESPACE', ...headers];
      if (eventType) headers = ['EVENT', ...headers];
      out.write(`${headers.join('\t')}\n`);
    }
    const items = handler === 'default' && isList(obj) ? obj.items : [obj];
    for (const item of items) {
      const cells =
        handler === 'status'
          ? [item.status, item.reason, item.message]
          : [item.metadata?.name ?? '', translateTimestampSince(item.metadata?.creationTimestamp as string | undefined, o.now)];
      let line = eventType ? `${formatEventType(eventType)}\t` : '';
      if (o.withNamespace) line += `${item.metadata?.namespace ?? ''}\t`;
      line += cells
        .map((cell, i) => (i === 0 && o.withKind && o.kind ? `${o.kind}/${goSprint(cell ?? '')}` : goSprint(cell ?? '')))
        .join('\t');
      if ((o.columnLabels ?? []).length > 0 || o.showLabels) {
        for (const value of labelValues(labelsOf(item), o)) line += `\t${value}`;
      }
      out.write(`${line}\n`);
    }
  }
}

function sameColumns(a: TableColumnDefinition[], b: TableColumnDefinition[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  const norm = (c: TableColumnDefinition) => [c.name, c.type, c.format ?? '', c.description ?? '', c.priority ?? 0];
  return a.every((c, i) => JSON.stringify(norm(c)) === JSON.stringify(norm(b[i])));
}

function labelValues(labels: Record<string, string>, o: TablePrintOptions): string[] {
  const values = (o.columnLabels ?? []).map((key) => labels[key] ?? '');
  if (o.showLabels) values.push(formatLabels(labels));
  return values;
}

/** decorateTable: adds NAMESPACE, label columns and the kind prefix from each row's object. */
function decorateTable(table: Table, o: TablePrintOptions): void {
  const defs = table.columnDefinitions ?? [];
  const columnLabels = o.columnLabels ?? [];
  let width = defs.length + columnLabels.length;
  if (o.withNamespace) width++;
  if (o.showLabels) width++;

  let nameColumn = -1;
  if (o.withKind && o.kind) nameColumn = defs.findIndex((c) => c.format === 'name' && c.type === 'string');

  let columns = defs;
  if (width !== defs.length) {
    columns = [
      ...(o.withNamespace ? [{ name: 'Namespace', type: 'string' }] : []),
      ...defs,
      ...formatLabelHeaders(columnLabels).map((name) => ({ name, type: 'string' })),
      ...(o.showLabels ? [{ name: 'Labels', type: 'string' }] : []),
    ];
  }
  const includeLabels = columnLabels.length > 0 || !!o.showLabels;
  if (includeLabels || o.withNamespace || nameColumn !== -1) {
    for (const row of table.rows ?? []) decorateRow(row, nameColumn, width, includeLabels, o);
  }
  table.columnDefinitions = columns;
}

function decorateRow(row: TableRow, nameColumn: number, width: number, includeLabels: boolean, o: TablePrintOptions): void {
  if (nameColumn !== -1) row.cells[nameColumn] = `${o.kind}/${goSprint(row.cells[nameColumn])}`;
  const obj = row.object;
  if (!obj) {
    if (o.withNamespace) row.cells = [null, ...row.cells];
    // cli-runtime's padding loop re-reads the growing length, so it pads only part of the gap.
    for (let j = 0; j < width - row.cells.length; j++) row.cells.push(null);
    return;
  }
  if (o.withNamespace) row.cells = [obj.metadata?.namespace ?? '', ...row.cells];
  if (includeLabels) row.cells.push(...labelValues(labelsOf(obj), o));
}

/** printTable: the header (unless suppressed or no rows), then one tab-separated line per row. */
function printTable(table: Table, out: TextSink, o: TablePrintOptions): void {
  const columns = table.columnDefinitions ?? [];
  const rows = table.rows ?? [];
  const visible = (c: TableColumnDefinition) => o.wide || !c.priority;
  if (!o.noHeaders) {
    if (rows.length === 0) return;
    out.write(`${columns.filter(visible).map((c) => c.name.toUpperCase()).join('\t')}\n`);
  }
  for (const row of rows) {
    const cells: string[] = [];
    row.cells.forEach((cell, i) => {
      // More cells than columns is a server bug kubectl tolerates (issue 66379).
      if (i >= columns.length || !visible(columns[i])) return;
      cells.push(formatCell(cell));
    });
    out.write(`${cells.join('\t')}\n`);
  }
}

function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return escapeTerminal(goSprint(cell));
  // Truncate at the first newline, carriage return or formfeed (a line break to a tabwriter).
  const cut = cell.search(/[\f\n\r]/);
  return cut < 0 ? escapeTerminal(cell) : `${escapeTerminal(cell.slice(0, cut))}...`;
}
