/**
 * Whether a pod's node constraints admit a node (component-helpers
 * nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)): the nodeSelector
 * map AND the required node affinity, whose terms are ORed and whose
 * requirements within a term are ANDed. A term that is empty or does not parse
 * matches nothing while the other terms still count, as upstream's
 * LazyErrorNodeSelector. The scheduler has its own copy of these rules; the
 * controllers package cannot import the scheduler.
 */
import { newRequirement, requirementMatches, type LabelOperator } from '@mk/api';
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from 'kubernetes-types/core/v1';

/** The one field node selector terms may match on. */
export const NODE_NAME_FIELD = 'metadata.name';

const LABEL_OPERATORS: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

function labelsMatch(exprs: readonly NodeSelectorRequirement[], labels: Record<string, string>): boolean {
  return exprs.every((e) => {
    const op = Object.prototype.hasOwnProperty.call(LABEL_OPERATORS, e.operator) ? LABEL_OPERATORS[e.operator] : undefined;
    if (!op) throw new Error(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    return requirementMatches(newRequirement(e.key, op, e.values && e.values.length > 0 ? [...e.values] : null), labels);
  });
}

/** nodeSelectorRequirementsAsFieldSelector: exactly one value, In or NotIn, against the node's fields. */
function fieldsMatch(exprs: readonly NodeSelectorRequirement[], node: Readonly<Node>): boolean {
  return exprs.every((e) => {
    if ((e.values ?? []).length !== 1) throw new Error('must have one element');
    const actual = e.key === NODE_NAME_FIELD ? (node.metadata?.name ?? '') : '';
    if (e.operator === 'In') return actual === e.values![0];
    if (e.operator === 'NotIn') return actual !== e.values![0];
    throw new Error(`${JSON.stringify(e.operator)} is not a supported node field selector operator`);
  });
}

/** One term: every requirement holds; an empty or unparsable term matches nothing. */
export function termMatches(term: Readonly<NodeSelectorTerm> | null | undefined, node: Readonly<Node>): boolean {
  const exprs = term?.matchExpressions ?? [];
  const fields = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  try {
    return labelsMatch(exprs, (node.metadata?.labels ?? {}) as Record<string, string>) && fieldsMatch(fields, node);
  } catch {
    return false;
  }
}

/** The pod spec's nodeSelector and required node affinity both admit the node. */
export function matchesRequiredNodeAffinity(spec: Readonly<PodSpec> | undefined, node: Readonly<Node>): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node));
}
