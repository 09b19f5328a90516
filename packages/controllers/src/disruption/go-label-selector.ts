/**
 * The UnmanagedPods event prints the PDB's selector with Go's %v, i.e. the
 * generated String() of *metav1.LabelSelector. Reproduced so the event reads
 * exactly as upstream's.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** `&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}`; `nil` for none. */
export function goLabelSelectorString(selector: Readonly<LabelSelector> | undefined | null): string {
  if (!selector) return 'nil';
  const labels = Object.keys(selector.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${selector.matchLabels![k]},`)
    .join('');
  const expressions = (selector.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}
