/** `kubectl get ingressclasses` columns (printIngressClass). */
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';

/** `Kind[.apiGroup]/name`, `<none>` without parameters. */
function parametersCell(ic: IngressClass): string {
  const p = ic.spec?.parameters;
  if (!p) return '<none>';
  const kind = p.apiGroup !== undefined && p.apiGroup !== null ? `${p.kind}.${p.apiGroup}` : p.kind;
  return `${kind}/${p.name}`;
}

export const ingressClassPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    const ic = obj as IngressClass;
    return [nameOf(obj), ic.spec?.controller ?? '', parametersCell(ic), ageOf(obj, now)];
  },
};
