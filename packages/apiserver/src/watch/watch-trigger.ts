/**
 * Watch triggers, as kube-apiserver's watch cache has them for pods: a watch
 * whose field selector pins spec.nodeName to one value (each kubelet's watch
 * of its own pods) is filed under that value, and the store offers it only
 * events whose pod is or was on that node, instead of every pod event. The
 * watch's own filter still decides what is sent.
 */
import { fieldSelectorRequiresExactMatch, findKind, parseFieldSelector, type KindInfo } from '@mk/api';
import type { KeyValue, WatchTrigger } from '@mk/store';
import { collectionPrefix } from '../storage/keys';
import { decodedValue } from './decoded-values';

const pods = findKind('', 'v1', 'pods')!;
const podsPrefix = collectionPrefix(pods, undefined);
// The field selector's own reading of the field, so the index and the filter never disagree.
const nodeNameOf = pods.fieldSelectors['spec.nodeName']!;

/**
 * The index of pods by spec.nodeName ("" when unassigned); undefined for other keys. It decodes through
 * the shared cache: the watchers that get the event need the same objects, so the decode is not extra work.
 */
export function podNodeNameTrigger(kv: KeyValue): string | undefined {
  return kv.key.startsWith(podsPrefix) ? nodeNameOf(decodedValue(kv)) : undefined;
}

/** The trigger for a watch of this kind with this (already validated) field selector, if it pins an indexed field. */
export function watchTriggerFor(info: KindInfo, fieldSelector: string | undefined): WatchTrigger | undefined {
  if (!fieldSelector || info.group !== pods.group || info.plural !== pods.plural) return undefined;
  const nodeName = fieldSelectorRequiresExactMatch(parseFieldSelector(fieldSelector), 'spec.nodeName');
  return nodeName === undefined ? undefined : { fn: podNodeNameTrigger, value: nodeName };
}
