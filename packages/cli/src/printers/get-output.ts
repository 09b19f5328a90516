/**
 * How `get` lays out what it fetched (kubectl get.go Run and printGeneric): human output is
 * one table per resource type, separated by a blank line, with a fresh printer and fresh
 * column widths per type; other formats print one object, or a `kind: List` of all items.
 */
import type { KObject } from '@mk/api';
import type { DiscoveredResource } from '@mk/client';
import type { OutputFormat } from './output-format';
import { isList, isTable, kindPrefix, type ResourcePrinter } from './printer';
import { relaxedJsonPath } from './jsonpath/relaxed';
import { sortItems, sortTableRows, UnsortableError } from './sort-by';
import { KUBECTL_TABLE_OPTIONS, TabWriter, type TextSink } from './tabwriter';

/** One fetched response (a Table page, a list page, or a single object) and its resource type. */
export interface FetchedInfo {
  resource: DiscoveredResource;
  object: KObject;
}

/** Counts what reaches the output and can put a blank line before the next write (kubectl's wrappers). */
export class SeparatedSink implements TextSink {
  written = 0;
  separatorDue = false;

  constructor(private readonly out: (text: string) => void) {}

  write(text: string): void {
    if (text.length > 0 && this.separatorDue) {
      this.out('\n');
      this.written += 1;
      this.separatorDue = false;
    }
    this.written += text.length;
    this.out(text);
  }
}

function sameResource(a: DiscoveredResource, b: DiscoveredResource): boolean {
  return a.group === b.group && a.version === b.version && a.plural === b.plural;
}

/** multipleGVKsRequested: more than one group/version/kind among the fetched infos. */
export function multipleKinds(infos: FetchedInfo[]): boolean {
  return infos.some((i) => i.resource.group !== infos[0].resource.group || i.resource.version !== infos[0].resource.version || i.resource.kind !== infos[0].resource.kind);
}

/** SortingPrinter: sorts a Table's rows or a list's items by a --sort-by field. */
export function sortObject(obj: KObject, sortBy: string): KObject {
  const field = relaxedOrRaw(sortBy);
  if (isTable(obj)) {
    sortTableRows(obj, field);
    return obj;
  }
  if (isList(obj)) return { ...obj, items: sortItems(obj.items, field) };
  return obj;
}

function relaxedOrRaw(sortBy: string): string {
  try {
    return relaxedJsonPath(sortBy);
  } catch {
    return sortBy;
  }
}

/** Options of the human layout. */
export interface HumanLayout {
  format: OutputFormat;
  allNamespaces: boolean;
  noHeaders: boolean;
  sortBy: string;
  now: Date;
}

/**
 * RuntimeSorter: with several fetched objects kubectl sorts the objects themselves (the Tables,
 * not their rows) by the field, failing when none of them has it.
 */
function sortInfos(infos: FetchedInfo[], sortBy: string): FetchedInfo[] {
  if (infos.length <= 1) return infos;
  const order = new Map(infos.map((info, i) => [info.object, i]));
  return sortItems(
    infos.map((i) => i.object),
    relaxedOrRaw(sortBy),
  ).map((o) => infos[order.get(o)!]);
}

/** SortingPrinter on one object; undefined when sorting fails (kubectl then prints nothing for it). */
function sortedForPrint(obj: KObject, sortBy: string): KObject | undefined {
  if (!sortBy || !isTable(obj) || (obj.rows ?? []).length <= 1) return obj;
  try {
    return sortObject(structuredClone(obj), sortBy);
  } catch (err) {
    if (err instanceof UnsortableError) throw err;
    return undefined;
  }
}

/** Prints infos as tables; returns whether every printed type was namespaced (for "No resources found"). */
export function printHuman(fetched: FetchedInfo[], layout: HumanLayout, sink: SeparatedSink): { allNamespaced: boolean } {
  const infos = layout.sortBy ? sortInfos(fetched, layout.sortBy) : fetched;
  const withKind = multipleKinds(infos);
  const w = new TabWriter(sink, KUBECTL_TABLE_OPTIONS);
  let allNamespaced = !layout.allNamespaces;
  let printer: ResourcePrinter | undefined;
  let last: DiscoveredResource | undefined;
  for (const info of infos) {
    allNamespaced = allNamespaced && info.resource.namespaced;
    if (!printer || !last || !sameResource(info.resource, last)) {
      w.flush();
      w.resetRememberedWidths();
      if (last && !layout.noHeaders && sink.written > 0) sink.separatorDue = true;
      printer = layout.format.build({
        withNamespace: layout.allNamespaces && info.resource.namespaced,
        withKind,
        kind: kindPrefix(info.resource.kind, info.resource.group),
        now: layout.now,
      });
      last = info.resource;
    }
    const obj = sortedForPrint(info.object, layout.sortBy);
    if (obj) printer.print(obj, w);
  }
  w.flush();
  return { allNamespaced };
}

/** The single object or `kind: List` printGeneric hands to json/yaml/name/jsonpath/custom-columns. */
export function genericObject(objects: KObject[], singleItemImplied: boolean, sortBy: string): KObject {
  if (singleItemImplied && objects.length === 1) return objects[0];
  const list: KObject = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: objects };
  return sortBy ? sortObject(list, sortBy) : list;
}

/** Items of a list response, with the apiVersion and kind the server leaves off typed list items. */
export function flattenList(list: KObject): KObject[] {
  const items = (list.items as KObject[] | undefined) ?? [];
  const kind = typeof list.kind === 'string' && list.kind.endsWith('List') ? list.kind.slice(0, -4) : undefined;
  return items.map((item) => ({ ...item, apiVersion: item.apiVersion ?? list.apiVersion, kind: item.kind ?? kind }));
}
