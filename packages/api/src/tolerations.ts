/** Toleration matching, as core/v1's Toleration.ToleratesTaint; shared by the scheduler and the taint-eviction controller. */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/** Effect and key match when set; Exists matches any value, Equal (or empty) the same value. */
export function toleratesTaint(toleration: Readonly<Toleration>, taint: Readonly<Pick<Taint, 'key' | 'value' | 'effect'>>): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}
