/**
 * PodInfo: a pod with everything the plugins need pre-parsed once per pod
 * version (framework.PodInfo) — requests, host ports, owner, affinity terms —
 * so filtering a pod against a thousand nodes never re-parses quantities or
 * selectors.
 */
import type { Pod, PodAffinityTerm, Toleration } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, nothingSelector, type LabelSelector, type LabelSelectorSpec } from '@mk/api';
import { podRequests } from './pod-requests';
import type { Resources } from './resources';

/** A host port a container claims (ContainerPort with hostPort > 0). */
export interface HostPort {
  hostIP: string;
  protocol: string;
  port: number;
}

/** A parsed required (anti-)affinity term (framework.AffinityTerm). */
export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  selector: LabelSelector;
  /** labels.Nothing() when the term has no namespaceSelector. */
  namespaceSelector: LabelSelector;
  topologyKey: string;
}

/** A parsed preferred term with its weight. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface PodInfo {
  readonly pod: Pod;
  /** namespace/name */
  readonly key: string;
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly nodeName: string;
  readonly priority: number;
  readonly tolerations: readonly Toleration[];
  /** resource.PodRequests: what NodeResourcesFit checks and NodeInfo.Requested sums. */
  readonly requests: Resources;
  /** The same with 100m/200Mi for missing cpu/memory requests: what scoring uses. */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  /** UID of the controlling owner (ReplicaSet, StatefulSet, Job…), the key of default spreading. */
  readonly controllerUID?: string;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** Set when a term's selector did not parse; InterPodAffinity reports it as an error. */
  readonly affinityParseError?: string;
  /** metadata.deletionTimestamp is set. */
  readonly terminating: boolean;
}

/** Pod key as used by informers: namespace/name. */
export function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

function hostPortsOf(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ hostIP: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

function parseTerm(pod: Pod, term: PodAffinityTerm, errors: string[]): AffinityTerm {
  const parse = (spec: LabelSelectorSpec | null | undefined): LabelSelector => {
    try {
      return labelSelectorFromSpec(spec);
    } catch (e) {
      errors.push((e as Error).message);
      return nothingSelector();
    }
  };
  const listed = term.namespaces ?? [];
  // getNamespacesFromPodAffinityTerm: no namespaces and no namespaceSelector means the pod's own namespace.
  const namespaces = listed.length === 0 && !term.namespaceSelector ? [pod.metadata?.namespace ?? ''] : listed;
  return {
    namespaces: new Set(namespaces),
    selector: parse(term.labelSelector as LabelSelectorSpec | undefined),
    namespaceSelector: term.namespaceSelector ? parse(term.namespaceSelector as LabelSelectorSpec) : nothingSelector(),
    topologyKey: term.topologyKey,
  };
}

/** Builds the PodInfo of a pod object (which must not be mutated afterwards). */
export function newPodInfo(pod: Pod): PodInfo {
  const meta = pod.metadata ?? {};
  const spec = pod.spec;
  const requests = podRequests(pod);
  const nonZero = podRequests(pod, true);
  const affinity = spec?.affinity;
  const errors: string[] = [];
  const required = (terms: PodAffinityTerm[] | undefined) => (terms ?? []).map((t) => parseTerm(pod, t, errors));
  const preferred = (terms: { weight: number; podAffinityTerm: PodAffinityTerm }[] | undefined) =>
    (terms ?? []).map((t) => ({ ...parseTerm(pod, t.podAffinityTerm, errors), weight: t.weight }));
  const controller = (meta.ownerReferences ?? []).find((o) => o.controller === true);
  return {
    pod,
    key: podKey(pod),
    uid: meta.uid ?? '',
    namespace: meta.namespace ?? '',
    name: meta.name ?? '',
    labels: meta.labels ?? {},
    nodeName: spec?.nodeName ?? '',
    priority: spec?.priority ?? 0,
    tolerations: spec?.tolerations ?? [],
    requests,
    nonZeroMilliCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    hostPorts: hostPortsOf(pod),
    controllerUID: controller?.uid,
    requiredAffinityTerms: required(affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinityTerms: required(affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinityTerms: preferred(affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinityTerms: preferred(affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    affinityParseError: errors[0],
    terminating: !!meta.deletionTimestamp,
  };
}

/** The same PodInfo bound to a node (what assume records before the API confirms it). */
export function withNodeName(info: PodInfo, nodeName: string): PodInfo {
  return { ...info, nodeName, pod: { ...info.pod, spec: { ...info.pod.spec!, nodeName } } };
}
