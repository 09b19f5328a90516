/**
 * Which pods `drain` may remove, with kubectl's filters, order, warnings and
 * refusals (kubectl/pkg/drain/filters.go). Pure: DaemonSet lookups are done
 * beforehand and passed in.
 */
import type { Pod } from 'kubernetes-types/core/v1';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** The drain flags the filters read. */
export interface DrainFilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** --skip-wait-for-delete-timeout: pods deleting for longer than this are skipped (0 = never). */
  skipWaitForDeleteTimeoutSeconds: number;
}

/** What happened when looking up a pod's DaemonSet: found, not found, or another error's message. */
export type DaemonSetLookup = { found: true } | { found: false; notFound: boolean; message: string };

/** One pod's verdict. */
export interface PodVerdict {
  pod: Pod;
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

const okay = (pod: Pod): PodVerdict => ({ pod, delete: true, reason: 'Okay' });
const skip = (pod: Pod): PodVerdict => ({ pod, delete: false, reason: 'Skip' });
const warn = (pod: Pod, del: boolean, message: string): PodVerdict => ({ pod, delete: del, reason: 'Warning', message });
const fail = (pod: Pod, message: string): PodVerdict => ({ pod, delete: false, reason: 'Error', message });

/** The pod's controller owner reference, if any. */
export function controllerOf(pod: Pod): { kind: string; name: string } | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller === true);
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

const finished = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** The DaemonSet lookups a set of pods needs, as `namespace/name` keys. */
export function daemonSetKeys(pods: Pod[]): string[] {
  const keys = new Set<string>();
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (ref?.kind === 'DaemonSet' && !finished(pod)) keys.add(`${pod.metadata?.namespace}/${ref.name}`);
  }
  return [...keys];
}

/**
 * classifyPods runs kubectl's filters in its order (skip-deleted, DaemonSet,
 * mirror, local storage, unreplicated); the first filter that keeps a pod
 * decides, otherwise the last filter's verdict stands.
 */
export function classifyPods(pods: Pod[], opts: DrainFilterOptions, daemonSets: Map<string, DaemonSetLookup>, now: Date): PodVerdict[] {
  const filters: ((pod: Pod) => PodVerdict)[] = [
    (pod) => (shouldSkipPod(pod, opts.skipWaitForDeleteTimeoutSeconds, now) ? skip(pod) : okay(pod)),
    (pod) => daemonSetFilter(pod, opts, daemonSets),
    (pod) => (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? skip(pod) : okay(pod)),
    (pod) => localStorageFilter(pod, opts),
    (pod) => unreplicatedFilter(pod, opts),
  ];
  return pods.map((pod) => {
    let verdict = okay(pod);
    for (const filter of filters) {
      verdict = filter(pod);
      if (!verdict.delete) break;
    }
    return verdict;
  });
}

/** shouldSkipPod: a pod already deleting for longer than the skip timeout is not waited for. */
export function shouldSkipPod(pod: Pod, skipSeconds: number, now: Date): boolean {
  const ts = pod.metadata?.deletionTimestamp;
  if (skipSeconds <= 0 || !ts) return false;
  return Math.floor((now.getTime() - Date.parse(ts)) / 1000) > skipSeconds;
}

function daemonSetFilter(pod: Pod, opts: DrainFilterOptions, daemonSets: Map<string, DaemonSetLookup>): PodVerdict {
  const ref = controllerOf(pod);
  if (ref?.kind !== 'DaemonSet' || finished(pod)) return okay(pod);
  const lookup = daemonSets.get(`${pod.metadata?.namespace}/${ref.name}`);
  if (lookup && !lookup.found) {
    // An orphan of a deleted DaemonSet goes with --force.
    if (lookup.notFound && opts.force) return warn(pod, true, lookup.message);
    return fail(pod, lookup.message);
  }
  if (!opts.ignoreDaemonSets) return fail(pod, DAEMONSET_FATAL);
  return warn(pod, false, DAEMONSET_WARNING);
}

function localStorageFilter(pod: Pod, opts: DrainFilterOptions): PodVerdict {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir)) return okay(pod);
  if (finished(pod)) return okay(pod);
  if (!opts.deleteEmptyDirData) return fail(pod, LOCAL_STORAGE_FATAL);
  return warn(pod, true, LOCAL_STORAGE_WARNING);
}

function unreplicatedFilter(pod: Pod, opts: DrainFilterOptions): PodVerdict {
  if (finished(pod) || controllerOf(pod)) return okay(pod);
  if (opts.force) return warn(pod, true, UNMANAGED_WARNING);
  return fail(pod, UNMANAGED_FATAL);
}

const podKey = (pod: Pod): string => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** Groups pod keys by message, in first-seen order (upstream iterates a Go map, so its order varies). */
function byMessage(verdicts: PodVerdict[], reason: PodVerdict['reason']): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const v of verdicts) {
    if (v.reason !== reason) continue;
    const message = v.message || (reason === 'Error' ? 'unexpected error' : '');
    groups.set(message, [...(groups.get(message) ?? []), podKey(v.pod)]);
  }
  return groups;
}

/** PodDeleteList.Warnings: `message: ns/a, ns/b; message2: …`, or '' when there are none. */
export function drainWarnings(verdicts: PodVerdict[]): string {
  return [...byMessage(verdicts, 'Warning')].map(([message, pods]) => `${message}: ${pods.join(', ')}`).join('; ');
}

/** PodDeleteList.errors: one `cannot delete <message>: ns/a, ns/b` per message. */
export function drainErrors(verdicts: PodVerdict[]): string[] {
  return [...byMessage(verdicts, 'Error')].map(([message, pods]) => `cannot delete ${message}: ${pods.join(', ')}`);
}

/** The pods to evict or delete. */
export function podsToDelete(verdicts: PodVerdict[]): Pod[] {
  return verdicts.filter((v) => v.delete).map((v) => v.pod);
}
