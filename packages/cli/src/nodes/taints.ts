/**
 * Taint arguments and their effect on a node's taints, as `kubectl taint`
 * computes them (kubectl/pkg/cmd/taint/utils.go): parsing `key=value:Effect`,
 * `key:Effect` and removals `key[:Effect]-`, and merging them into the node's list.
 */
import { isQualifiedName, isValidLabelValue } from '@mk/api';

/** A node taint (core/v1 Taint). */
export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

/** The effects a taint may have. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** What `kubectl taint` reports per node. */
export type TaintOperation = 'tainted' | 'untainted' | 'modified';

/** Taints to add and to remove, from the command's taint arguments. */
export interface TaintChanges {
  add: Taint[];
  remove: Taint[];
}

/** A Taint as Go's %v prints the struct (the duplicate-taint message shows it so). */
function goStruct(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect ?? ''} <nil>}`;
}

/** Taint.ToString: `key=value:effect`, `key:effect`, `key=value:` or `key`. */
export function taintToString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** parseTaint reads `key=value:effect`, `key:effect` or `key`; throws kubectl's message on a bad spec. */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0]!;
  } else if (parts.length === 2) {
    effect = parts[1]!;
    if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${spec}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  const taint: Taint = { key };
  if (value) taint.value = value;
  if (effect) taint.effect = effect;
  return taint;
}

/** parseTaints splits taint arguments into additions and removals (`…-`); an addition needs an effect and must be unique by key and effect. */
export function parseTaints(specs: string[]): TaintChanges {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push(t.effect ? { key: t.key, effect: t.effect } : { key: t.key });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) throw new Error(`duplicated taints with the same key and effect: ${goStruct(t)}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

/** Arguments of `kubectl taint`, split into resources (TYPE NAME…) and taint changes. */
export interface TaintArgs {
  resources: string[];
  taintArgs: string[];
}

/** splitTaintArgs separates resources from taint arguments, which must all come after them. */
export function splitTaintArgs(args: string[]): TaintArgs {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const arg of args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) taintArgs.push(arg);
    else if (taintArgs.length > 0) throw new Error(`all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, taintArgs };
}

/** conflictingTaints lists removals that also appear as additions (kubectl refuses to do both at once). */
export function conflictingTaints(changes: TaintChanges): string[] {
  const conflicts: string[] = [];
  for (const added of changes.add) {
    for (const removed of changes.remove) {
      if (added.key !== removed.key) continue;
      if (!removed.effect || added.effect === removed.effect) conflicts.push(`${removed.key}=${removed.effect ?? ''}`);
    }
  }
  return conflicts;
}

/** Removals that matched no taint; each message is one of upstream's aggregated errors. */
export class TaintNotFoundError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'));
    this.name = 'TaintNotFoundError';
  }
}

const matches = (a: Taint, b: Taint): boolean => a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/** The result of applying taint changes to a node. */
export interface TaintUpdate {
  operation: TaintOperation;
  taints: Taint[];
}

/**
 * applyTaintChanges is kubectl's updateTaints + reorganizeTaints: new taints
 * first, then the old ones they do not replace, minus removals. Without
 * --overwrite, adding a key/effect the node already has is an error; a removal
 * that matches nothing is an error too (after the rest was computed, as upstream).
 */
export function applyTaintChanges(nodeName: string, current: Taint[], changes: TaintChanges, overwrite: boolean): TaintUpdate {
  if (!overwrite) {
    const existing = changes.add.filter((t) => current.some((old) => old.key === t.key && (old.effect ?? '') === (t.effect ?? ''))).map((t) => t.key);
    if (existing.length) throw new Error(`node ${nodeName} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  let taints: Taint[] = changes.add.map((t) => ({ ...t }));
  for (const old of current) if (!taints.some((t) => matches(t, old))) taints.push(old);
  const added = current.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of changes.remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(r.effect ? matches(t, r) : t.key === r.key));
    // Upstream keeps only the last removal's outcome for the operation word.
    removed = taints.length !== before;
    if (!removed) errors.push(`taint ${JSON.stringify(taintToString(r))} not found`);
  }
  if (errors.length) throw new TaintNotFoundError(errors);
  const operation: TaintOperation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints };
}
