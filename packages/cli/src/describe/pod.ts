/** `describe pod` (describePod): identity, status, containers, conditions, volumes, QoS, events. */
import { translateTimestampSince, type KObject } from '@mk/api';
import { describeContainers, describeResources, podFieldResolver, type Container, type ContainerStatus } from './containers';
import { timeOf, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline } from './format';
import { podQOS } from './pod-resources';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { describeTopologySpreadConstraints } from './topology';
import { describeVolumes, type Volume } from './volumes';

type PodSpec = {
  priority?: number;
  priorityClassName?: string;
  runtimeClassName?: string;
  serviceAccountName?: string;
  nodeName?: string;
  securityContext?: { seccompProfile?: { type?: string; localhostProfile?: string } };
  resources?: Container['resources'];
  initContainers?: Container[];
  containers?: Container[];
  ephemeralContainers?: Container[];
  readinessGates?: { conditionType: string }[];
  volumes?: Volume[];
  nodeSelector?: Record<string, string>;
  tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[];
  topologySpreadConstraints?: unknown[];
};

type PodStatus = {
  phase?: string;
  reason?: string;
  message?: string;
  hostIP?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  nominatedNodeName?: string;
  conditions?: { type: string; status: string }[];
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  ephemeralContainerStatuses?: ContainerStatus[];
};

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** Describes a pod, searching its events by name, namespace and uid (no kind, as kubectl does). */
export async function describePod(env: DescribeEnv, pod: KObject): Promise<string> {
  let events: KObject[] | undefined;
  if (env.showEvents) {
    const target = { ...targetOf(pod), kind: undefined };
    const mirror = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
    if (mirror !== undefined) target.uid = mirror;
    events = await searchEvents(env, target);
  }
  return tabbedString((w) => writePod(pod, events, w, env));
}

function writePod(pod: KObject, events: KObject[] | undefined, w: PrefixWriter, env: DescribeEnv): void {
  const meta = pod.metadata ?? {};
  const spec = (pod.spec ?? {}) as PodSpec;
  const status = (pod.status ?? {}) as PodStatus;
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${timeOf(env, status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, env.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if ((status.podIPs ?? []).length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
  } else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs!) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = printController(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(LEVEL_0, 'Resources:\n');
    describeResources(spec.resources, w, LEVEL_1);
  }
  const resolve = podFieldResolver(pod);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers!, status.initContainerStatuses, resolve, w, '', env);
  describeContainers('Containers', spec.containers ?? [], status.containerStatuses, resolve, w, '', env);
  if ((spec.ephemeralContainers ?? []).length > 0) describeContainers('Ephemeral Containers', spec.ephemeralContainers!, status.ephemeralContainerStatuses, resolve, w, '', env);
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates!) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, '');
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints as never, w, '');
  if (events) describeEvents(events, w, env.now);
}
