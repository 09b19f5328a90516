/**
 * Whether a pod's node constraints admit a node
 * (nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)), with the matcher
 * the scheduler uses, from @mk/api.
 */
import { matchesRequiredNodeAffinity as matches, requiredNodeAffinity, termMatches as compiledTermMatches, compileTerm } from '@mk/api';
import type { Node, NodeSelectorTerm, PodSpec } from 'kubernetes-types/core/v1';

export { NODE_NAME_FIELD } from '@mk/api';

const facts = (node: Readonly<Node>) => ({ name: node.metadata?.name ?? '', labels: (node.metadata?.labels ?? {}) as Record<string, string> });

/** One term: every requirement holds; an empty or unparsable term matches nothing. */
export function termMatches(term: Readonly<NodeSelectorTerm> | null | undefined, node: Readonly<Node>): boolean {
  const compiled = compileTerm(term as NodeSelectorTerm | undefined);
  return compiled !== undefined && compiledTermMatches(compiled, facts(node));
}

/** The pod spec's nodeSelector and required node affinity both admit the node. */
export function matchesRequiredNodeAffinity(spec: Readonly<PodSpec> | undefined, node: Readonly<Node>): boolean {
  return matches(requiredNodeAffinity({ spec: spec as PodSpec }), facts(node));
}
