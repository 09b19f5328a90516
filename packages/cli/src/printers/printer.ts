/**
 * The shared contract of mk's output formats, after cli-runtime's ResourcePrinter: one module
 * per `-o` format under formats/, each printing decoded API objects (a Table, a List, a single
 * object, or a watch event) to a text sink.
 */
import type { KObject } from '@mk/api';
import type { TextSink } from './tabwriter';

/** Prints objects in one output format; printers may keep state between calls (headers, `---`). */
export interface ResourcePrinter {
  print(obj: KObject | WatchEventObject, out: TextSink): void;
}

/** metav1.WatchEvent as kubectl wraps objects for --output-watch-events. */
export class WatchEventObject {
  constructor(
    readonly type: string,
    readonly object: KObject,
  ) {}
}

/** A meta/v1 TableColumnDefinition. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** A meta/v1 TableRow; `object` is PartialObjectMetadata or the full object (includeObject). */
export interface TableRow {
  cells: unknown[];
  object?: KObject | null;
}

/** A meta/v1 (or v1beta1) Table as the API server returns it for `as=Table`. */
export interface Table extends KObject {
  kind: 'Table';
  columnDefinitions?: TableColumnDefinition[] | null;
  rows?: TableRow[] | null;
}

/** True for meta.k8s.io/v1 or v1beta1 Tables (kubectl's recognizedTableVersions). */
export function isTable(obj: unknown): obj is Table {
  const o = obj as KObject | null;
  return !!o && o.kind === 'Table' && (o.apiVersion === 'meta.k8s.io/v1' || o.apiVersion === 'meta.k8s.io/v1beta1');
}

/** True for objects meta.IsListType accepts in unstructured form: an `items` array. */
export function isList(obj: unknown): obj is KObject & { items: KObject[] } {
  return !!obj && typeof obj === 'object' && Array.isArray((obj as { items?: unknown }).items);
}


/** The lower-cased GroupKind kubectl prefixes names with: `pod`, `deployment.apps`. */
export function kindPrefix(kind: string, group: string): string {
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

/** printers.WriteEscaped: neutralises terminal escapes in server-provided text. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
