/**
 * Node selectors as matchers (component-helpers nodeaffinity): the pod's
 * nodeSelector map ANDed with required node affinity, whose terms are ORed and
 * whose expressions within a term are ANDed. A term that does not parse or is
 * empty matches nothing, while the other terms still count (LazyErrorNodeSelector).
 */
import { newRequirement, requirementMatches, type LabelOperator, type LabelRequirement } from './selectors';
import type { NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';

/** The node facts a selector looks at. */
export interface NodeFacts {
  name: string;
  labels: Readonly<Record<string, string>>;
}

/** The one field node selectors may use. */
export const NODE_NAME_FIELD = 'metadata.name';

const OPERATORS: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

/** A parsed NodeSelectorTerm. */
export interface CompiledTerm {
  labels: LabelRequirement[];
  /** matchFields: metadata.name must (not) equal a value. */
  fields: { equal: boolean; value: string }[];
}

function compileExpressions(exprs: readonly NodeSelectorRequirement[]): LabelRequirement[] {
  return exprs.map((e) => {
    const op = OPERATORS[e.operator];
    if (!op) throw new Error(`${JSON.stringify(e.operator)} is not a valid node selector operator`);
    return newRequirement(e.key, op, e.values && e.values.length > 0 ? [...e.values] : null);
  });
}

function compileFields(exprs: readonly NodeSelectorRequirement[]): CompiledTerm['fields'] {
  return exprs.map((e) => {
    if (e.key !== NODE_NAME_FIELD) throw new Error(`${JSON.stringify(e.key)} is not a valid field selector key`);
    if (e.operator !== 'In' && e.operator !== 'NotIn') throw new Error(`${JSON.stringify(e.operator)} is not a valid node field selector operator`);
    if ((e.values ?? []).length !== 1) throw new Error('must have one element');
    return { equal: e.operator === 'In', value: e.values![0] };
  });
}

/** Parses a term; undefined for an empty term or one that does not parse (both match nothing). */
export function compileTerm(term: NodeSelectorTerm | undefined | null): CompiledTerm | undefined {
  const exprs = term?.matchExpressions ?? [];
  const fields = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return undefined;
  try {
    return { labels: compileExpressions(exprs), fields: compileFields(fields) };
  } catch {
    return undefined;
  }
}

/** True when the node satisfies every requirement of the term. */
export function termMatches(term: CompiledTerm, node: NodeFacts): boolean {
  for (const r of term.labels) if (!requirementMatches(r, node.labels as Record<string, string>)) return false;
  for (const f of term.fields) if ((node.name === f.value) !== f.equal) return false;
  return true;
}

/** What GetRequiredNodeAffinity builds: nodeSelector AND (term1 OR term2 …). */
export interface RequiredNodeAffinity {
  nodeSelector?: Readonly<Record<string, string>>;
  /** undefined when the pod has no required node affinity. */
  terms?: CompiledTerm[];
}

/** nodeaffinity.GetRequiredNodeAffinity. */
export function requiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const selector = pod.spec?.nodeSelector;
  const required: NodeSelector | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    nodeSelector: selector && Object.keys(selector).length > 0 ? selector : undefined,
    terms: required ? required.nodeSelectorTerms.map(compileTerm).filter((t): t is CompiledTerm => t !== undefined) : undefined,
  };
}

/** RequiredNodeAffinity.Match. */
export function matchesRequiredNodeAffinity(r: RequiredNodeAffinity, node: NodeFacts): boolean {
  if (r.nodeSelector) {
    for (const k in r.nodeSelector) if (node.labels[k] !== r.nodeSelector[k]) return false;
  }
  if (!r.terms) return true;
  for (const t of r.terms) if (termMatches(t, node)) return true;
  return false;
}

/** A parsed preferred term. */
export interface WeightedTerm {
  term: CompiledTerm;
  weight: number;
}

/** nodeaffinity.NewPreferredSchedulingTerms: zero-weight, empty and unparsable terms are dropped. */
export function compilePreferredTerms(terms: readonly PreferredSchedulingTerm[] | undefined): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  for (const t of terms ?? []) {
    if (!t.weight) continue;
    const term = compileTerm(t.preference);
    if (term) out.push({ term, weight: t.weight });
  }
  return out;
}

/** PreferredSchedulingTerms.Score: the sum of the weights of the terms the node matches. */
export function preferredScore(terms: readonly WeightedTerm[], node: NodeFacts): number {
  let score = 0;
  for (const t of terms) if (termMatches(t.term, node)) score += t.weight;
  return score;
}
