/** `describe node` (describeNode): conditions, capacity, system info, its pods' resource use, lease, events. */
import { addQuantities, formatQuantity, quantityToMillis, quantityValue, translateTimestampSince, type KObject, type Quantity } from '@mk/api';
import { listAll, timeOf, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, sortedKeys } from './format';
import { podRequestsAndLimits, type ResourceList } from './pod-resources';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity, quantityOf, ZERO_QUANTITY } from './quantities';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: roles from node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

type NodeStatus = {
  conditions?: { type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string }[];
  addresses?: { type: string; address: string }[];
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
  nodeInfo?: Record<string, string>;
};

/** Describes a node: lists its non-terminated pods, its lease, and events recorded by uid or by name. */
export async function describeNode(env: DescribeEnv, node: KObject): Promise<string> {
  const name = node.metadata?.name ?? '';
  const pods = await listAll(env, '/api/v1/pods', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  let lease: KObject | Error;
  try {
    lease = await env.client.request<KObject>('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}`);
  } catch (err) {
    lease = err as Error;
  }
  let events: KObject[] | undefined;
  if (env.showEvents) {
    // Controllers record node events against the node's uid, kubelets against its name.
    events = [...(await searchEvents(env, targetOf(node))), ...(await searchEvents(env, { ...targetOf(node), uid: name }))];
  }
  return tabbedString((w) => writeNode(node, pods, lease, events, w, env));
}

function writeNode(node: KObject, pods: KObject[], lease: KObject | Error, events: KObject[] | undefined, w: PrefixWriter, env: DescribeEnv): void {
  const spec = (node.spec ?? {}) as { taints?: []; unschedulable?: boolean; podCIDR?: string; podCIDRs?: string[]; providerID?: string };
  const status = (node.status ?? {}) as NodeStatus;
  w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ''}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${timeOf(env, node.metadata?.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  if (lease instanceof Error) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.message}\n`);
  } else {
    const ls = (lease.spec ?? {}) as { holderIdentity?: string; acquireTime?: string; renewTime?: string };
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${ls.holderIdentity ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${ls.acquireTime ? timeOf(env, ls.acquireTime) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${ls.renewTime ? timeOf(env, ls.renewTime) : '<unset>'}\n`);
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions!) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${timeOf(env, c.lastHeartbeatTime)} \t${timeOf(env, c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const printResources = (list: Record<string, string>) => {
    for (const k of sortedKeys(list)) w.write(LEVEL_0, `  ${k}:\t${canonicalQuantity(list[k])}\n`);
  };
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, 'Capacity:\n');
    printResources(status.capacity!);
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, 'Allocatable:\n');
    printResources(status.allocatable!);
  }
  const info = status.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ]) {
    w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
  }
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResource(pods, status, w, env);
  if (events) describeEvents(events, w, env.now);
}

function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function get(list: ResourceList, name: string): Quantity {
  return list.get(name) ?? ZERO_QUANTITY;
}

/** describeNodeResource: per-pod requests/limits as shares of allocatable, then the totals. */
function describeNodeResource(pods: KObject[], status: NodeStatus, w: PrefixWriter, env: DescribeEnv): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable! : (status.capacity ?? {});
  const allocCpu = quantityToMillis(quantityOf(allocatable.cpu));
  const allocMem = quantityValue(quantityOf(allocatable.memory));
  const allocEph = quantityValue(quantityOf(allocatable['ephemeral-storage']));
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    const cpuReq = get(r.requests, 'cpu');
    const cpuLim = get(r.limits, 'cpu');
    const memReq = get(r.requests, 'memory');
    const memLim = get(r.limits, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${formatQuantity(cpuReq)} (${percent(quantityToMillis(cpuReq), allocCpu)}%)\t${formatQuantity(cpuLim)} (${percent(quantityToMillis(cpuLim), allocCpu)}%)\t` +
        `${formatQuantity(memReq)} (${percent(quantityValue(memReq), allocMem)}%)\t${formatQuantity(memLim)} (${percent(quantityValue(memLim), allocMem)}%)\t${translateTimestampSince(pod.metadata?.creationTimestamp, env.now)}\n`,
    );
    for (const [name, q] of r.requests) reqs.set(name, reqs.has(name) ? addQuantities(reqs.get(name)!, q) : q);
    for (const [name, q] of r.limits) limits.set(name, limits.has(name) ? addQuantities(limits.get(name)!, q) : q);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, total: bigint, value: (q: Quantity) => bigint) => {
    const rq = get(reqs, name);
    const lq = get(limits, name);
    w.write(LEVEL_1, `${name}\t${formatQuantity(rq)} (${percent(value(rq), total)}%)\t${formatQuantity(lq)} (${percent(value(lq), total)}%)\n`);
  };
  row('cpu', allocCpu, quantityToMillis);
  row('memory', allocMem, quantityValue);
  row('ephemeral-storage', allocEph, quantityValue);
  const names = Object.keys(allocatable);
  const huge = names.filter((n) => n.startsWith('hugepages-')).sort();
  for (const n of huge) row(n, quantityValue(quantityOf(allocatable[n])), quantityValue);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  const extended = names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n)).sort();
  for (const n of extended) w.write(LEVEL_1, `${n}\t${formatQuantity(get(reqs, n))}\t${formatQuantity(get(limits, n))}\n`);
}
