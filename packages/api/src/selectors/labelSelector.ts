/**
 * Label selectors as values: parsed from strings (`-l`), built from
 * metav1.LabelSelector objects or plain label maps, matched and printed in
 * upstream's canonical form.
 */
import { SelectorError } from './errors';
import { compareBytes, goQuote } from './goFormat';
import { newRequirement, requirementMatches, requirementToString, type LabelOperator, type LabelRequirement } from './labelRequirement';
import { parseLabelRequirements } from './labelParser';

/**
 * All requirements must hold. No requirements selects everything, unless
 * `matchesNothing` is set (upstream's labels.Nothing(), from a nil selector).
 */
export interface LabelSelector {
  requirements: LabelRequirement[];
  matchesNothing: boolean;
}

/** metav1.LabelSelector as stored in objects (spec.selector, podSelector, ...). */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] | null }> | null;
}

/** labels.Everything(). */
export function everythingSelector(): LabelSelector {
  return { requirements: [], matchesNothing: false };
}

/** labels.Nothing(). */
export function nothingSelector(): LabelSelector {
  return { requirements: [], matchesNothing: true };
}

/** labels.Parse; throws SelectorError with upstream's message (e.g. `unable to parse requirement: ...`). */
export function parseLabelSelector(text: string): LabelSelector {
  return { requirements: parseLabelRequirements(text), matchesNothing: false };
}

function sortedByKey(requirements: LabelRequirement[]): LabelRequirement[] {
  return [...requirements].sort((a, b) => compareBytes(a.key, b.key));
}

/** labels.SelectorFromSet: `k=v` for each entry, unvalidated; an empty or missing map selects everything. */
export function labelSelectorFromSet(set: Record<string, string> | null | undefined): LabelSelector {
  const requirements = Object.entries(set ?? {}).map(([key, v]): LabelRequirement => ({ key, operator: '=', values: [v] }));
  return { requirements: sortedByKey(requirements), matchesNothing: false };
}

const SPEC_OPERATORS: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * metav1.LabelSelectorAsSelector. A null/undefined selector matches nothing
 * and an empty one ({}) matches everything: that is upstream's contract, and
 * controllers (ReplicaSet, Deployment, PDB, NetworkPolicy) depend on it to
 * avoid adopting every pod when a selector is missing. Throws SelectorError
 * for an unknown operator or invalid keys/values.
 */
export function labelSelectorFromSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  if (spec === null || spec === undefined) return nothingSelector();
  const matchLabels = Object.entries(spec.matchLabels ?? {});
  const expressions = spec.matchExpressions ?? [];
  if (matchLabels.length + expressions.length === 0) return everythingSelector();
  const requirements = matchLabels.map(([k, v]) => newRequirement(k, '=', [v]));
  for (const expr of expressions) {
    const op = Object.prototype.hasOwnProperty.call(SPEC_OPERATORS, expr.operator) ? SPEC_OPERATORS[expr.operator] : undefined;
    if (!op) throw new SelectorError(`${goQuote(expr.operator ?? '')} is not a valid label selector operator`);
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    requirements.push(newRequirement(expr.key ?? '', op, values));
  }
  return { requirements: sortedByKey(requirements), matchesNothing: false };
}

/** Selector.Matches; missing labels are treated as an empty set. */
export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | null | undefined): boolean {
  if (selector.matchesNothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, set));
}

/** True for labels.Everything() (no requirements, not Nothing). */
export function isEverythingSelector(selector: LabelSelector): boolean {
  return !selector.matchesNothing && selector.requirements.length === 0;
}

/** Selector.String: requirements comma-joined (`a=b,c in (x,y),!d`); "" for everything and nothing. */
export function labelSelectorToString(selector: LabelSelector): string {
  if (selector.matchesNothing) return '';
  return selector.requirements.map(requirementToString).join(',');
}

/** metav1.FormatLabelSelector, the wide SELECTOR cell: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(spec: LabelSelectorSpec | null | undefined): string {
  let selector: LabelSelector;
  try {
    selector = labelSelectorFromSpec(spec);
  } catch {
    return '<error>';
  }
  return labelSelectorToString(selector) || '<none>';
}

/** labels.FormatLabels: `k=v` pairs sorted as strings and comma-joined, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return pairs.sort(compareBytes).join(',') || '<none>';
}
