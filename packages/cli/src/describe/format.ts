/**
 * Shared pieces of describe output (pkg/describe/describe.go helpers): multi-line label,
 * annotation, taint and toleration blocks, label selectors, RFC1123Z times, and the small
 * value formatters every describer uses.
 */
import { labelSelectorFromSpec, labelSelectorToString, type KObject, type LabelSelectorSpec } from '@mk/api';
import { LEVEL_0, type PrefixWriter } from './prefix-writer';

/** The annotation kubectl keeps out of describe output. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** Go's sort.Strings order (byte order) for keys. */
export function sortedKeys(record: Record<string, unknown> | null | undefined): string[] {
  return Object.keys(record ?? {}).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** printLabelsMultilineWithIndent: `Title:<inner>k=v` then one aligned line per further label. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | null | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** printAnnotationsMultiline: long or multi-line values go on their own shortened lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | null | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => k !== LAST_APPLIED);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (Buffer.byteLength(value) + Buffer.byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  const bytes = Buffer.from(s);
  return bytes.length > max ? `${bytes.subarray(0, max).toString()}...` : s;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | null | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let line = t.key ?? '';
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

/** printTaintsMultilineWithIndent: `key=value:Effect`, sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | null | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const sortKey = (t: Taint) => `${t.effect ?? ''},${t.key ?? ''}`;
  const list = [...(taints ?? [])].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}\n`);
  });
}

/** LabelSelectorAsSelector(...).String(); `<error>` for a selector upstream would reject. */
export function labelSelectorString(spec: LabelSelectorSpec | null | undefined): string {
  try {
    return labelSelectorToString(labelSelectorFromSpec(spec));
  } catch {
    return '<error>';
  }
}

/** stringOrNone. */
export function stringOrNone(s: string | null | undefined): string {
  return s ? s : '<none>';
}

/** printBool: True/False. */
export function printBool(value: unknown): string {
  return value ? 'True' : 'False';
}

/** printController: `Kind/name` of the controller owner reference, or ''. */
export function printController(obj: KObject): string {
  const owner = (obj.metadata?.ownerReferences ?? []).find((o) => o.controller);
  return owner ? `${owner.kind}/${owner.name}` : '';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's zero time as metav1.Time prints it when a timestamp is unset. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** Time.Format(time.RFC1123Z) of an RFC 3339 timestamp, in the zone whose UTC offset (minutes) is given. */
export function formatRFC1123Z(ts: unknown, offsetMinutes: (d: Date) => number): string {
  if (typeof ts !== 'string' || ts === '') return ZERO_TIME;
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ZERO_TIME;
  const offset = offsetMinutes(d);
  const local = new Date(d.getTime() + offset * 60_000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${DAYS[local.getUTCDay()]}, ${p2(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())} ${sign}${p2(Math.floor(abs / 60))}${p2(abs % 60)}`
  );
}

/** The local zone's offset, as kubectl formats times in the user's zone. */
export function localOffset(d: Date): number {
  return -d.getTimezoneOffset();
}

export type { LabelSelectorSpec };
