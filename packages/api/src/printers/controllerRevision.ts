/** `kubectl get controllerrevisions` columns (printControllerRevision). */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { KindPrinter, OwnerReference } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

/** schema.ParseGroupVersion's group: "" for `v1`, `apps` for `apps/v1`; undefined when malformed. */
function groupOf(apiVersion: string): string | undefined {
  if (apiVersion === '' || apiVersion === '/') return '';
  const parts = apiVersion.split('/');
  if (parts.length === 1) return '';
  if (parts.length === 2) return parts[0];
  return undefined;
}

/** The controller owner as `kind.group/name` lower-cased (`statefulset.apps/web`), or `<none>`. */
export function controllerCell(owners: OwnerReference[] | undefined): string {
  const ref = (owners ?? []).find((o) => o.controller === true);
  if (!ref) return '<none>';
  const group = groupOf(ref.apiVersion ?? '');
  // Upstream fails the whole request on a malformed apiVersion; a bare name is the kinder reading.
  if (group === undefined) return ref.name;
  const kind = group ? `${ref.kind}.${group}` : ref.kind;
  return kind ? `${kind.toLowerCase()}/${ref.name}` : ref.name;
}

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    const cr = obj as unknown as ControllerRevision;
    return [nameOf(obj), controllerCell(obj.metadata?.ownerReferences), cr.revision ?? 0, ageOf(obj, now)];
  },
};
