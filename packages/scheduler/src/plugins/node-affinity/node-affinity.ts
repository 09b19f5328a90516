/**
 * NodeAffinity: the pod's nodeSelector and required node affinity decide
 * which nodes it may use; its preferred terms add their weights to the nodes
 * they match.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { PodInfo } from '../../cache/pod-info';
import { defaultNormalizeScore } from '../../framework/normalize';
import { unresolvable } from '../../framework/status';
import { ActionType, SKIP, type ClusterEvent, type FilterPlugin, type ScorePlugin } from '../../framework/types';
import {
  compilePreferredTerms,
  matchesRequiredNodeAffinity,
  NODE_NAME_FIELD,
  preferredScore,
  requiredNodeAffinity,
  type RequiredNodeAffinity,
  type WeightedTerm,
} from '@mk/api';

export const NAME = 'NodeAffinity';
/** ErrReasonPod. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** errReasonConflict: every term pins different node names. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

function nodeFacts(n: Node) {
  return { name: n.metadata?.name ?? '', labels: n.metadata?.labels ?? {} };
}

/** QueueingHint: requeue when the node now matches and did not before. */
function schedulableAfterNodeChange(pod: PodInfo, event: ClusterEvent): boolean {
  const required = requiredNodeAffinity(pod.pod);
  if (!event.newObj || !matchesRequiredNodeAffinity(required, nodeFacts(event.newObj as Node))) return false;
  return !event.oldObj || !matchesRequiredNodeAffinity(required, nodeFacts(event.oldObj as Node));
}

/**
 * The node names required terms pin via matchFields metadata.name In: the
 * union over terms of each term's intersection; undefined when some term
 * allows any name.
 */
export function pinnedNodeNames(pod: PodInfo): Set<string> | undefined {
  const terms = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const f of t.matchFields ?? []) {
      if (f.key !== NODE_NAME_FIELD || f.operator !== 'In') continue;
      const s = new Set(f.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export const nodeAffinityFilter = {
  name: NAME,
  events: [{ resource: 'Node', actions: ActionType.Add | ActionType.UpdateNodeLabel, hint: schedulableAfterNodeChange }],
  preFilter(pod) {
    const spec = pod.pod.spec;
    const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!required && !spec?.nodeSelector) return SKIP;
    const state = requiredNodeAffinity(pod.pod);
    const nodeNames = pinnedNodeNames(pod);
    if (nodeNames && nodeNames.size === 0) return unresolvable(ERR_REASON_CONFLICT);
    return { state, nodeNames };
  },
  filter(_pod, node, state) {
    return matchesRequiredNodeAffinity(state, node) ? null : unresolvable(ERR_REASON_POD);
  },
} satisfies FilterPlugin<RequiredNodeAffinity>;

export const nodeAffinityScore = {
  name: NAME,
  preScore(pod) {
    const terms = compilePreferredTerms(pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    return terms.length > 0 ? terms : SKIP;
  },
  score(_pod, node, terms) {
    return preferredScore(terms, node);
  },
  normalize(scores) {
    defaultNormalizeScore(scores, false);
  },
} satisfies ScorePlugin<WeightedTerm[]>;
