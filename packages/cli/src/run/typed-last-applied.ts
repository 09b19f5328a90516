/**
 * --save-config for objects kubectl builds as typed structs (run, autoscale): CreateOrUpdateAnnotation
 * serialises the typed object, so the annotation holds the JSON in Go struct field order (as the
 * object was built here), with an empty annotations map left out by omitempty, plus a newline.
 * (`create -f` differs: its objects are unstructured, hence sorted keys and `"annotations":{}`.)
 */
import type { KObject } from '@mk/api';
import { goJsonStruct } from '../manifests/go-json';
import { LAST_APPLIED_ANNOTATION } from '../mutate/last-applied';

/** The object as create sends it: with the typed last-applied annotation when `saveConfig`, without a resourceVersion. */
export function typedCreateBody(obj: KObject, saveConfig: boolean): KObject {
  const { resourceVersion: _dropped, ...metadata } = (obj.metadata ?? {}) as Record<string, unknown>;
  if (!saveConfig) return { ...obj, metadata };
  const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const { annotations: _old, ...withoutAnnotations } = metadata;
  const encodedMeta = Object.keys(annotations).length > 0 ? { ...metadata, annotations } : withoutAnnotations;
  const value = `${goJsonStruct({ ...obj, metadata: encodedMeta })}\n`;
  return { ...obj, metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: value } } };
}
