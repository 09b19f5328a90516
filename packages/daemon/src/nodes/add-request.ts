/**
 * Validating a `POST /mk/v1/nodes` body into a NodeSpec. Pure; the messages
 * follow Kubernetes' validation wording so `mk node add` errors read like the API's.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import { isDNS1123Subdomain, isQualifiedName, isValidLabelValue, parseQuantity } from '@mk/api';
import { runtimeError, type NodeCapacity, type NodeSpec, type RuntimeName } from '../cluster/cluster-spec';

/** The body of `POST /mk/v1/nodes`; every field is optional. */
export interface AddNodeRequest {
  name?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  cpu?: string;
  memory?: string;
  pods?: string;
  runtime?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A request that cannot become a node; `messages` are field errors. */
export class InvalidNodeRequest extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('; '));
    this.name = 'InvalidNodeRequest';
  }
}

function isRecordOfStrings(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function labelErrors(labels: unknown): string[] {
  if (labels === undefined) return [];
  if (!isRecordOfStrings(labels)) return ['labels: must be a map of strings'];
  const errs: string[] = [];
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...isQualifiedName(k).map((m) => `labels: Invalid value: ${JSON.stringify(k)}: ${m}`));
    errs.push(...isValidLabelValue(v).map((m) => `labels: Invalid value: ${JSON.stringify(v)}: ${m}`));
  }
  return errs;
}

function taintErrors(taints: unknown): string[] {
  if (taints === undefined) return [];
  if (!Array.isArray(taints)) return ['taints: must be a list'];
  const errs: string[] = [];
  taints.forEach((t: Partial<Taint>, i) => {
    const at = `taints[${i}]`;
    if (typeof t?.key !== 'string') return void errs.push(`${at}.key: Required value`);
    errs.push(...isQualifiedName(t.key).map((m) => `${at}.key: Invalid value: ${JSON.stringify(t.key)}: ${m}`));
    if (t.value !== undefined && t.value !== '') errs.push(...isValidLabelValue(String(t.value)).map((m) => `${at}.value: Invalid value: ${JSON.stringify(t.value)}: ${m}`));
    if (!EFFECTS.includes(String(t.effect))) errs.push(`${at}.effect: Unsupported value: ${JSON.stringify(t.effect ?? '')}: supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`);
  });
  return errs;
}

function quantityError(field: keyof NodeCapacity, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return `${field}: must be a quantity string`;
  try {
    parseQuantity(value);
  } catch {
    return `${field}: Invalid value: ${JSON.stringify(value)}: must be a quantity such as 4, 500m, 8Gi`;
  }
  if (field === 'pods' && !/^\d+$/.test(value)) return `pods: Invalid value: ${JSON.stringify(value)}: must be a whole number`;
  return undefined;
}

/** nodeSpecFromRequest validates the body; `name` is the chosen name (the request's, or the next default). */
export function nodeSpecFromRequest(body: AddNodeRequest, name: string, defaultRuntime: RuntimeName): NodeSpec {
  const errs: string[] = [];
  errs.push(...isDNS1123Subdomain(name).map((m) => `name: Invalid value: ${JSON.stringify(name)}: ${m}`));
  errs.push(...labelErrors(body.labels));
  errs.push(...taintErrors(body.taints));
  for (const field of ['cpu', 'memory', 'pods'] as const) {
    const e = quantityError(field, body[field]);
    if (e) errs.push(e);
  }
  const runtime = body.runtime ?? defaultRuntime;
  const runtimeProblem = runtimeError(runtime);
  if (runtimeProblem) errs.push(`runtime: ${runtimeProblem}`);
  if (errs.length) throw new InvalidNodeRequest(errs);

  const spec: NodeSpec = { name, runtime: runtime as RuntimeName };
  if (body.labels && Object.keys(body.labels).length) spec.labels = { ...body.labels };
  if (body.taints?.length) spec.taints = body.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect }));
  const capacity: NodeCapacity = {};
  for (const field of ['cpu', 'memory', 'pods'] as const) if (body[field] !== undefined) capacity[field] = body[field];
  if (Object.keys(capacity).length) spec.capacity = capacity;
  return spec;
}
