/** Server-side printing: objects → meta.k8s.io/v1 Table, as kubectl requests with `as=Table`. */
import { printerFor, type KindInfo, type KObject } from '@mk/api';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function partialMetadata(obj: KObject): KObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

function rowObject(obj: KObject, include: IncludeObject): KObject | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return partialMetadata(obj);
}

export function toTable(info: KindInfo, objs: KObject[], meta: { resourceVersion: string; continue?: string }, now: Date, include: IncludeObject, withColumns = true): KObject {
  const printer = printerFor(info.group, info.kind);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: meta.resourceVersion, ...(meta.continue ? { continue: meta.continue } : {}) },
    columnDefinitions: withColumns ? printer.columns : [],
    rows: objs.map((o) => {
      const object = rowObject(o, include);
      return { cells: printer.printRow(o, now), ...(object ? { object } : {}) };
    }),
  };
}

export function parseIncludeObject(v: unknown): IncludeObject {
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
