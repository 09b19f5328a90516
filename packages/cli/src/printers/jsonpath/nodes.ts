/** The parse tree of a kubectl JSONPath template (client-go util/jsonpath node.go). */

/** One bound of an array slice `[start:end:step]`. */
export interface SliceParam {
  value: number;
  known: boolean;
  /** The end was derived from a plain index `[i]` (end = i+1). */
  derived: boolean;
}

export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] };

export type ListNode = Extract<JsonPathNode, { type: 'list' }>;

export function newList(): ListNode {
  return { type: 'list', nodes: [] };
}
