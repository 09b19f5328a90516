/**
 * The Containers / Init Containers blocks of describe (describeContainers and its helpers):
 * image and ports, command, state, resources, probes, environment and mounts.
 */
import type { KObject } from '@mk/api';
import { sortedKeys, printBool } from './format';
import { canonicalQuantity } from './quantities';
import { timeOf, type DescribeEnv } from './env';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer';
import { parseQuantity, quantityToMillis, quantityValue } from '@mk/api';
import { quantityOf } from './quantities';

/** The container fields describe reads. */
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort?: number; hostPort?: number; protocol?: string }[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  env?: EnvVar[];
  envFrom?: { prefix?: string; configMapRef?: { name?: string; optional?: boolean }; secretRef?: { name?: string; optional?: boolean } }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  volumeDevices?: { name: string; devicePath: string }[];
  securityContext?: { seccompProfile?: { type?: string; localhostProfile?: string } };
}

interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string; host?: string };
  grpc?: { port?: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string | number };
    secretKeyRef?: { name?: string; key: string; optional?: boolean };
    configMapKeyRef?: { name?: string; key: string; optional?: boolean };
  };
}

interface ContainerState {
  running?: { startedAt?: string };
  waiting?: { reason?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number; signal?: number; startedAt?: string; finishedAt?: string };
}

/** The container status fields describe reads. */
export interface ContainerStatus {
  name: string;
  containerID?: string;
  imageID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  restartCount?: number;
}

/** Resolves downward-API env values against the pod (undefined for templates). */
export type EnvResolver = ((fieldPath: string) => string) | undefined;

/** describeContainers: the label line, then each container's block. */
export function describeContainers(
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  resolve: EnvResolver,
  w: PrefixWriter,
  space: string,
  env: DescribeEnv,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    describeBasicInfo(c, status, space, w);
    describeCommand(c, w);
    if (status) describeState(status, w, env);
    describeResources(c.resources, w, LEVEL_2);
    describeProbes(c, w);
    if ((c.envFrom ?? []).length > 0) describeEnvFrom(c, w);
    describeEnvVars(c, resolve, w);
    describeMounts(c, w);
  }
}

function describeBasicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = (c.ports ?? []).map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
}

function describeCommand(c: Container, w: PrefixWriter): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list || list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

function describeState(status: ContainerStatus, w: PrefixWriter, env: DescribeEnv): void {
  describeStatus('State', status.state ?? {}, w, env);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w, env);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(name: string, state: ContainerState, w: PrefixWriter, env: DescribeEnv): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${timeOf(env, state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${timeOf(env, t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${timeOf(env, t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** describeResources: Limits then Requests, names sorted. */
export function describeResources(resources: Container['resources'] | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as const) {
    const keys = sortedKeys(list);
    if (keys.length > 0) w.write(level, `${title}:\n`);
    for (const k of keys) w.write(level + 1, `${k}:\t${canonicalQuantity(list![k])}\n`);
  }
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = p.httpGet.port === undefined ? '' : String(p.httpGet.port);
    const host = port ? joinHostPort(p.httpGet.host ?? '', port) : (p.httpGet.host ?? '');
    let path = p.httpGet.path ?? '';
    if (path && !path.startsWith('/') && host) path = `/${path}`;
    const scheme = (p.httpGet.scheme ?? '').toLowerCase();
    return `http-get ${scheme ? `${scheme}:` : ''}//${host}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeProbes(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeEnvFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    const name = ref?.name ?? '';
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeEnvVars(c: Container, resolve: EnvResolver, w: PrefixWriter): void {
  const vars = c.env ?? [];
  w.write(LEVEL_2, `Environment:${vars.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of vars) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) {
      const value = resolve ? resolve(from.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      let value = resourceFieldValue(from.resourceFieldRef, c);
      const resource = from.resourceFieldRef.resource;
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

/** ExtractContainerResourceValue: the ceiling of the container's value in divisor units. */
function resourceFieldValue(ref: { resource: string; divisor?: string | number }, c: Container): string {
  const divisorQ = quantityOf(ref.divisor);
  const divisor = divisorQ.nanos === 0n ? parseQuantity('1') : divisorQ;
  const [kind, name] = ref.resource.split('.', 2);
  if ((kind !== 'limits' && kind !== 'requests') || !name) return '';
  const q = quantityOf(c.resources?.[kind]?.[name]);
  const ceilDiv = (a: bigint, b: bigint) => (b === 0n ? 0n : (a + b - 1n) / b);
  if (name === 'cpu') return String(ceilDiv(quantityToMillis(q), quantityToMillis(divisor)));
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) return String(ceilDiv(quantityValue(q), quantityValue(divisor)));
  return '';
}

function describeMounts(c: Container, w: PrefixWriter): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/** The downward-API resolver for a pod: metadata fields only, as fieldpath.ExtractFieldPathAsString. */
export function podFieldResolver(pod: KObject): (fieldPath: string) => string {
  const meta = pod.metadata ?? {};
  const formatMap = (m: Record<string, string> | undefined) =>
    sortedKeys(m)
      .map((k) => `${k}=${JSON.stringify(m![k])}`)
      .join('\n');
  return (fieldPath) => {
    const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath);
    if (sub) return ((sub[1] === 'metadata.labels' ? meta.labels : meta.annotations) ?? {})[sub[2]] ?? '';
    switch (fieldPath) {
      case 'metadata.annotations':
        return formatMap(meta.annotations);
      case 'metadata.labels':
        return formatMap(meta.labels);
      case 'metadata.name':
        return meta.name ?? '';
      case 'metadata.namespace':
        return meta.namespace ?? '';
      case 'metadata.uid':
        return meta.uid ?? '';
      default:
        return '';
    }
  };
}
