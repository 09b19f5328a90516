/**
 * The checks `wait` applies to each version of an object (kubectl pkg/cmd/wait/condition.go and
 * json.go), as pure functions: a status condition compared after case folding, honouring
 * observedGeneration, or a single JSONPath value compared as Go's %v prints it.
 */
import { goSprint, type KObject } from '@mk/api';
import type { JsonPathTemplate } from '../printers/jsonpath/template';

/** strings.EqualFold: equal under simple Unicode case folding, rune by rune. */
export function equalFold(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  return x.every((c, i) => {
    const d = y[i]!;
    return c === d || c.toLowerCase() === d.toLowerCase() || c.toUpperCase() === d.toUpperCase();
  });
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * True when `status.conditions` has a condition of type `name` whose status equals `value`
 * (both case-insensitive), unless the condition describes an older generation than metadata.generation.
 */
export function conditionMet(obj: KObject, name: string, value: string): boolean {
  const conditions = (obj.status as { conditions?: unknown } | undefined)?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as Record<string, unknown>[]) {
    if (c === null || typeof c !== 'object') continue;
    if (typeof c.type !== 'string' || !equalFold(c.type, name)) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata?.generation;
    if (isInt(generation)) {
      const observed = isInt(c.observedGeneration) ? c.observedGeneration : (obj.status as { observedGeneration?: unknown }).observedGeneration;
      if (isInt(observed) && observed < generation) return false;
    }
    return equalFold(c.status, value);
  }
  return false;
}

/**
 * True when the JSONPath finds exactly one value and it equals `value` (trimmed), or finds one
 * value at all when `value` is undefined; throws kubectl's errors for several results and for
 * comparing a map or list.
 */
export function jsonPathMet(obj: KObject, template: JsonPathTemplate, value: string | undefined): boolean {
  const results = template.findResults(obj);
  if (results.length === 0 || results[0]!.length === 0) return false;
  if (results.length > 1) throw new Error('given jsonpath expression matches more than one list');
  if (results[0]!.length > 1) throw new Error('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const found = results[0]![0];
  if (found !== null && typeof found === 'object' && (Array.isArray(found) || Object.getPrototypeOf(found) === Object.prototype)) {
    throw new Error('jsonpath leads to a nested object or list which is not supported');
  }
  return goSprint(found).trim() === value.trim();
}
