/**
 * Upstream's reconcileNodeLabels: old clients select on the beta OS and arch
 * labels, so they are kept equal to the stable ones (the stable label wins).
 */
import type { Node } from 'kubernetes-types/core/v1';

const LABEL_PAIRS: readonly [stable: string, beta: string][] = [
  ['kubernetes.io/os', 'beta.kubernetes.io/os'],
  ['kubernetes.io/arch', 'beta.kubernetes.io/arch'],
];

/** Labels to set on the node, or undefined when the beta labels already agree. */
export function planNodeLabels(node: Readonly<Node>): Record<string, string> | undefined {
  const labels = node.metadata?.labels ?? {};
  const updates: Record<string, string> = {};
  for (const [stable, beta] of LABEL_PAIRS) {
    if (!(stable in labels)) continue;
    if (labels[beta] !== labels[stable]) updates[beta] = labels[stable];
  }
  return Object.keys(updates).length ? updates : undefined;
}
