/** `kubectl get ingresses` columns (printIngress). */
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { ageOf, nameOf } from './cells';
import { loadBalancerAddresses } from './service';

const MAX_HOSTS = 3;

/** formatHosts: rule hosts, `*` when none; past three, `+ N more...` counting rules. */
export function ingressHosts(rules: Array<{ host?: string }> | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === MAX_HOSTS) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const shown = list.join(',');
  return more ? `${shown} + ${(rules ?? []).length - MAX_HOSTS} more...` : shown;
}

export const ingressPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  printRow(obj, now) {
    const ing = obj as Ingress;
    return [
      nameOf(obj),
      ing.spec?.ingressClassName ?? '<none>',
      ingressHosts(ing.spec?.rules),
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress).join(','),
      (ing.spec?.tls ?? []).length ? '80, 443' : '80',
      ageOf(obj, now),
    ];
  },
};
