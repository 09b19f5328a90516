/**
 * `kubectl run --overrides` (cmdutil.Overrider): the inline JSON is applied to the generated Pod as
 * a JSON merge patch (the default), a strategic merge patch, or a JSON patch (--override-type).
 */
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, patchMetaFor, type KObject } from '@mk/api';

/** --override-type values. */
export const OVERRIDE_TYPES = ['json', 'merge', 'strategic'] as const;

/** One of json, merge, strategic. */
export type OverrideType = (typeof OVERRIDE_TYPES)[number];

/** Applies `overrides` to `obj` (returns a new object); '' leaves it as generated. */
export function applyOverrides(obj: KObject, overrides: string, type: string): KObject {
  if (overrides === '') return obj;
  const kind = type === '' ? 'merge' : type;
  if (!(OVERRIDE_TYPES as readonly string[]).includes(kind)) throw new Error(`invalid override type: ${kind}`);
  let fragment: unknown;
  try {
    fragment = JSON.parse(overrides);
  } catch {
    // The message of evanphx/json-patch, which kubectl uses for both patch kinds it parses.
    throw new Error(kind === 'merge' ? 'Invalid JSON Patch' : `invalid override: ${overrides} is not valid JSON`);
  }
  switch (kind as OverrideType) {
    case 'merge':
      if (fragment === null || typeof fragment !== 'object' || Array.isArray(fragment)) throw new Error('Invalid JSON Patch');
      return applyMergePatch(obj, fragment) as KObject;
    case 'strategic':
      return applyStrategicMergePatch(obj, fragment, patchMetaFor('', 'v1', 'Pod')) as KObject;
    case 'json':
      return applyJsonPatch(obj, fragment) as KObject;
  }
}
