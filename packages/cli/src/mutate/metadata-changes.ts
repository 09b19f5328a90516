/**
 * The argument grammar and map edits of `label` and `annotate` (kubectl pkg/cmd/label, pkg/cmd/annotate,
 * cmdutil.GetResourcesAndPairs / ParsePairs): `KEY=VALUE` sets, `KEY-` removes, and without
 * --overwrite an existing different value is an error.
 */
import { isValidLabelValue } from '@mk/api';
import { CliError } from '../context';

/** The requested edits of one map. */
export interface MapChanges {
  set: Record<string, string>;
  remove: string[];
}

/** The annotation kubectl lets any annotate overwrite (kubectl's ChangeCauseAnnotation). */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Splits args into resource arguments and KEY=VALUE / KEY- pairs (all resources must come first). */
export function splitResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0) throw new CliError(`all resources must be specified before ${pairType} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** kubectl label's parseLabels: exactly one `=`, a valid label value, or a trailing `-`. */
export function parseLabelChanges(specs: string[]): MapChanges {
  const changes: MapChanges = { set: {}, remove: [] };
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new CliError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0) throw new CliError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      changes.set[parts[0]!] = parts[1]!;
    } else if (spec.endsWith('-')) {
      changes.remove.push(spec.slice(0, -1));
    } else {
      throw new CliError(`unknown label spec: ${spec}`);
    }
  }
  if (changes.remove.some((k) => k in changes.set)) throw new CliError('can not both modify and remove a label in the same command');
  return changes;
}

/** kubectl annotate's ParsePairs + validateAnnotations: the value is everything after the first `=`. */
export function parseAnnotationChanges(specs: string[]): MapChanges {
  const changes: MapChanges = { set: {}, remove: [] };
  const invalid: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=') && !spec.startsWith('=')) {
      const at = spec.indexOf('=');
      changes.set[spec.slice(0, at)] = spec.slice(at + 1);
    } else if (spec.endsWith('-') && spec !== '-') {
      changes.remove.push(spec.slice(0, -1));
    } else {
      invalid.push(spec);
    }
  }
  if (invalid.length > 0) throw new CliError(`invalid annotation format: ${invalid.join(', ')}`);
  const both = changes.remove.filter((k) => k in changes.set);
  if (both.length > 0) throw new CliError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return changes;
}

/** The labels after the change; without overwrite, changing an existing value fails like kubectl label. */
export function applyLabelChanges(current: Record<string, string> | undefined, changes: MapChanges, overwrite: boolean): Record<string, string> {
  if (!overwrite) {
    const errs = Object.entries(changes.set)
      .filter(([k, v]) => current?.[k] !== undefined && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current![k]}), and --overwrite is false`);
    if (errs.length > 0) throw new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }
  return edit(current, changes);
}

/** The annotations after the change; without overwrite, changing an existing value fails like kubectl annotate. */
export function applyAnnotationChanges(current: Record<string, string> | undefined, changes: MapChanges, overwrite: boolean): Record<string, string> {
  if (!overwrite) {
    const found = Object.entries(changes.set)
      .filter(([k, v]) => k !== CHANGE_CAUSE && current?.[k] !== undefined && current[k] !== v)
      .map(([k]) => `'${k}' already has a value (${current![k]})`);
    if (found.length > 0) throw new Error(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
  }
  return edit(current, changes);
}

function edit(current: Record<string, string> | undefined, changes: MapChanges): Record<string, string> {
  const next = { ...(current ?? {}), ...changes.set };
  for (const key of changes.remove) delete next[key];
  return next;
}
