/**
 * Builds the object filter of a list or watch from its labelSelector and
 * fieldSelector query parameters; unknown field labels are rejected as upstream
 * does (400 BadRequest).
 */
import { parseLabelSelector, matchesLabels, parseFieldSelector, matchesFields, fieldLabelNotSupportedMessage, type KindInfo, type KObject } from '@mk/api';
import { errors } from './errors';

export type ObjectFilter = (obj: KObject) => boolean;

export function buildFilter(info: KindInfo, labelSelector?: string, fieldSelector?: string): ObjectFilter | undefined {
  const checks: ObjectFilter[] = [];
  if (labelSelector) {
    let sel;
    try {
      sel = parseLabelSelector(labelSelector);
    } catch (e) {
      throw errors.badRequest((e as Error).message);
    }
    checks.push((o) => matchesLabels(sel, o.metadata?.labels ?? {}));
  }
  if (fieldSelector) {
    let sel;
    try {
      sel = parseFieldSelector(fieldSelector);
    } catch (e) {
      throw errors.badRequest((e as Error).message);
    }
    const getters: Record<string, (o: KObject) => string | undefined> = {
      'metadata.name': (o) => o.metadata?.name,
      'metadata.namespace': (o) => (info.namespaced ? o.metadata?.namespace : ''),
      ...info.fieldSelectors,
    };
    for (const req of sel.requirements) {
      if (!(req.field in getters)) throw errors.badRequest(fieldLabelNotSupportedMessage(req.field));
    }
    checks.push((o) => matchesFields(sel, (f: string) => getters[f]?.(o)));
  }
  if (checks.length === 0) return undefined;
  return (o) => checks.every((c) => c(o));
}
