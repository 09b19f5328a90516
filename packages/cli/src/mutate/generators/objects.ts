/**
 * The objects kubectl's `create namespace|configmap|secret generic|deployment|job|cronjob` generators build,
 * field for field as Go serialises the typed structs (so `--dry-run=client -o yaml` looks the same,
 * including `creationTimestamp: null`, `resources: {}` and `status: {}`).
 */
import { randomBytes } from 'node:crypto';
import type { KObject } from '@mk/api';
import type { CollectedData } from './data-sources';

function meta(name: string, namespace: string | undefined, labels?: Record<string, string>): Record<string, unknown> {
  return { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, ...(labels ? { labels } : {}) };
}

/** `create namespace NAME`. */
export function namespaceObject(name: string): KObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: meta(name, undefined), spec: {}, status: {} };
}

/** `create configmap NAME`: text keys in data, other bytes base64 in binaryData. */
export function configMapObject(name: string, namespace: string | undefined, collected: CollectedData): KObject {
  const obj: KObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, namespace) };
  if (Object.keys(collected.data).length > 0) obj.data = collected.data;
  if (Object.keys(collected.binary).length > 0) obj.binaryData = base64Map(collected.binary);
  return obj;
}

/** `create secret generic NAME`: every value base64 in data; type only when given. */
export function secretObject(name: string, namespace: string | undefined, collected: CollectedData, type: string): KObject {
  const obj: KObject = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, namespace) };
  const data = base64Map(collected.binary);
  if (Object.keys(data).length > 0) obj.data = data;
  if (type) obj.type = type;
  return obj;
}

/** The options of `create deployment`. */
export interface DeploymentGenerator {
  name: string;
  namespace?: string;
  images: string[];
  /** -1 when --port was not given. */
  port: number;
  replicas: number;
  command: string[];
  /** Five random characters for sanitised container names (injected by tests). */
  randomSuffix?: () => string;
}

/** `create deployment NAME --image=…`: label app=NAME, one container per image. */
export function deploymentObject(g: DeploymentGenerator): KObject {
  const labels = { app: g.name };
  const suffix = g.randomSuffix ?? randomSuffix;
  // Keys in corev1.Container field order (name, image, command, ports, resources), as Go serialises it.
  const containers = g.images.map((image, i) => ({
    name: containerName(image, suffix),
    image,
    ...(g.command.length > 0 ? { command: g.command } : {}),
    ...(i === 0 && g.port >= 0 ? { ports: [{ containerPort: g.port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(g.name, g.namespace, labels),
    spec: {
      replicas: g.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

/** The container name kubectl derives from an image: last path segment without tag or digest, sanitised. */
export function containerName(image: string, suffix: () => string = randomSuffix): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffix()}`;
  return name;
}

/** The options of `create job --image` and `create cronjob`. */
export interface JobGenerator {
  name: string;
  namespace?: string;
  image: string;
  command: string[];
}

/** The pod template of a generated Job: one container named after the object, with the command if any. */
function jobSpec(g: JobGenerator, restartPolicy: string): Record<string, unknown> {
  const container = { name: g.name, image: g.image, ...(g.command.length > 0 ? { command: g.command } : {}), resources: {} };
  return { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } } };
}

/** `create job NAME --image=…`: restartPolicy Never. */
export function jobObject(g: JobGenerator): KObject {
  return { kind: 'Job', apiVersion: 'batch/v1', metadata: meta(g.name, g.namespace), spec: jobSpec(g, 'Never'), status: {} };
}

/** `create cronjob NAME --image=… --schedule=…`: the job template named after the CronJob; restartPolicy from --restart. */
export function cronJobObject(g: JobGenerator & { schedule: string; restart: string }): KObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(g.name, g.namespace),
    spec: { schedule: g.schedule, jobTemplate: { metadata: { name: g.name, creationTimestamp: null }, spec: jobSpec(g, g.restart) } },
    status: {},
  };
}

/**
 * `create job NAME --from=cronjob/X`: the CronJob's job template, annotated as a manual run and
 * controlled by the CronJob (without blockOwnerDeletion, which would need the cronjobs/finalizers
 * permission).
 */
export function jobFromCronJob(name: string, namespace: string | undefined, cronJob: KObject): KObject {
  const template = (cronJob.spec as { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> } } | undefined)?.jobTemplate ?? {};
  const annotations = sortedKeys({ 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) });
  const ownerReference = { apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata?.name ?? '', uid: cronJob.metadata?.uid ?? '', controller: true };
  const spec = structuredClone(template.spec ?? {}) as { template?: { metadata?: Record<string, unknown> } };
  // Go prints the pod template's zero creationTimestamp as null.
  if (spec.template) spec.template.metadata = { creationTimestamp: null, ...(spec.template.metadata ?? {}) };
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: { ...meta(name, namespace, template.metadata?.labels), annotations, ownerReferences: [ownerReference] },
    spec,
    status: {},
  };
}

/** `create job` Validate: exactly one of --image and --from, and no command with --from. */
export function jobSourceError(image: string, from: string, command: string[]): string | undefined {
  if ((image === '') === (from === '')) return 'either --image or --from must be specified';
  if (command.length > 0 && from !== '') return 'cannot specify --from and command';
  return undefined;
}

/** The object `--from` named, as kubectl accepts it: exactly one, and a CronJob. */
export function cronJobToInstantiate(found: readonly { resource: { group: string; version: string; kind: string }; object?: KObject }[]): KObject {
  if (found.length !== 1 || !found[0]!.object) throw new Error('from must be an existing cronjob');
  const { resource, object } = found[0]!;
  // kubectl prints the Go type it decoded (%T), e.g. *v1.Deployment.
  if (resource.group !== 'batch' || resource.kind !== 'CronJob') throw new Error(`unknown object type *${resource.version}.${resource.kind}`);
  return object!;
}

function sortedKeys(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function randomSuffix(): string {
  // utilrand.String: lowercase consonants and digits without look-alikes.
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
}

function base64Map(values: Record<string, Buffer>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.toString('base64')]));
}
