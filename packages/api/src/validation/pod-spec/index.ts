/** PodSpec and PodTemplateSpec validation (ValidatePodSpec, ValidatePodTemplateSpec). */
import type { FieldError } from '../../registry/types';
import { child, forbidden, index, invalid, notSupported, required } from '../field-errors';
import { arr, isSet, num, obj, optObj, str, type JsonObject } from '../json-access';
import { validateAnnotations, validateLabels } from '../metadata';
import { inclusiveRangeError, isDNS1123Label, nameIsDNSSubdomain } from '../names';
import { validateContainers, validateInitContainers } from './containers';
import { validateTolerations } from './tolerations';
import { validateVolumes } from './volumes';

const MAX_INT32 = 2147483647;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

function validateRestartPolicy(policy: string, field: string): FieldError[] {
  if (policy === '') return [required(field)];
  return RESTART_POLICIES.includes(policy) ? [] : [notSupported(field, policy, RESTART_POLICIES)];
}

function validateDNSPolicy(policy: string, field: string): FieldError[] {
  if (policy === '') return [required(field)];
  return DNS_POLICIES.includes(policy) ? [] : [notSupported(field, policy, DNS_POLICIES)];
}

function validateHostNetworkPorts(spec: JsonObject, field: string): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  arr(spec.containers).forEach((c, ci) => {
    arr(obj(c).ports).forEach((p, pi) => {
      const port = obj(p);
      if (num(port.hostPort) !== num(port.containerPort)) {
        const path = child(index(child(index(child(field, 'containers'), ci), 'ports'), pi), 'hostPort');
        errs.push(invalid(path, num(port.hostPort), 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateIDs(sc: JsonObject, field: string, keys: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of keys) {
    if (!isSet(sc[k])) continue;
    const v = num(sc[k]);
    if (v < 0 || v > MAX_INT32) errs.push(invalid(child(field, k), v, inclusiveRangeError(0, MAX_INT32)));
  }
  return errs;
}

function validateSecurityContexts(spec: JsonObject, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const sc = optObj(spec.securityContext);
  if (sc) {
    errs.push(...validateIDs(sc, child(field, 'securityContext'), ['fsGroup', 'runAsUser', 'runAsGroup']));
    arr(sc.supplementalGroups).forEach((g, i) => {
      const v = num(g);
      if (v < 0 || v > MAX_INT32) errs.push(invalid(index(child(field, 'securityContext', 'supplementalGroups'), i), v, inclusiveRangeError(0, MAX_INT32)));
    });
  }
  for (const list of ['containers', 'initContainers'] as const) {
    arr(spec[list]).forEach((c, i) => {
      const csc = optObj(obj(c).securityContext);
      if (csc) errs.push(...validateIDs(csc, child(index(child(field, list), i), 'securityContext'), ['runAsUser', 'runAsGroup']));
    });
  }
  return errs;
}

function validateNameIfSet(value: unknown, field: string): FieldError[] {
  const v = str(value);
  return v ? nameIsDNSSubdomain(v, false).map((m) => invalid(field, v, m)) : [];
}

/** ValidatePodSpec (the parts mk models), with upstream's order of checks. */
export function validatePodSpec(specValue: unknown, field: string): FieldError[] {
  const spec = obj(specValue);
  const errs: FieldError[] = [];
  if (!isSet(spec.terminationGracePeriodSeconds)) errs.push(required(child(field, 'terminationGracePeriodSeconds')));
  const vols = validateVolumes(spec.volumes, child(field, 'volumes'));
  errs.push(...vols.errs);
  errs.push(...validateContainers(spec.containers, vols.names, child(field, 'containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols.names, child(field, 'initContainers')));
  errs.push(...validateHostNetworkPorts(spec, field));
  errs.push(...validateRestartPolicy(str(spec.restartPolicy), child(field, 'restartPolicy')));
  errs.push(...validateDNSPolicy(str(spec.dnsPolicy), child(field, 'dnsPolicy')));
  errs.push(...validateLabels(optObj(spec.nodeSelector) as Record<string, string> | undefined, child(field, 'nodeSelector')));
  errs.push(...validateSecurityContexts(spec, field));
  if (str(spec.dnsPolicy) === 'None' && !optObj(spec.dnsConfig)) {
    errs.push(required(child(field, 'dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  errs.push(...validateNameIfSet(spec.serviceAccountName, child(field, 'serviceAccountName')));
  errs.push(...validateNameIfSet(spec.nodeName, child(field, 'nodeName')));
  if (isSet(spec.activeDeadlineSeconds)) {
    const v = num(spec.activeDeadlineSeconds);
    if (v < 1 || v > MAX_INT32) errs.push(invalid(child(field, 'activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = str(spec[f]);
    if (v) for (const m of isDNS1123Label(v)) errs.push(invalid(child(field, f), v, m));
  }
  errs.push(...validateTolerations(spec.tolerations, child(field, 'tolerations')));
  errs.push(...validateNameIfSet(spec.priorityClassName, child(field, 'priorityClassName')));
  errs.push(...validateNameIfSet(spec.runtimeClassName, child(field, 'runtimeClassName')));
  if (isSet(spec.preemptionPolicy)) {
    const p = str(spec.preemptionPolicy);
    if (p === '') errs.push(required(child(field, 'preemptionPolicy')));
    else if (p !== 'PreemptLowerPriority' && p !== 'Never') errs.push(notSupported(child(field, 'preemptionPolicy'), p, ['PreemptLowerPriority', 'Never']));
  }
  const os = optObj(spec.os);
  if (os) {
    const name = str(os.name);
    if (!name) errs.push(required(child(field, 'os', 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows') errs.push(notSupported(child(field, 'os'), name, ['linux', 'windows']));
  }
  return errs;
}

/** ValidatePodSpecificAnnotations (the checks that apply on Linux without feature gates). */
export function validatePodAnnotations(annotations: unknown, spec: unknown, field: string): FieldError[] {
  const a = obj(annotations);
  const errs: FieldError[] = [];
  const mirror = 'kubernetes.io/config.mirror';
  if (mirror in a && !str(obj(spec).nodeName)) {
    errs.push(invalid(`${field}[${mirror}]`, str(a[mirror]), 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const cost = 'controller.kubernetes.io/pod-deletion-cost';
  if (cost in a) {
    const v = str(a[cost]);
    const n = Number(v);
    if (!/^[+-]?[0-9]+$/.test(v) || n < -2147483648 || n > MAX_INT32) errs.push(invalid(`${field}[${cost}]`, v, 'must be a 32bit integer'));
  }
  return errs;
}

/** ValidatePodTemplateSpec: its labels and annotations are checked at `<field>.labels` and `<field>.annotations`, as upstream does. */
export function validatePodTemplateSpec(templateValue: unknown, field: string): FieldError[] {
  const template = obj(templateValue);
  const meta = obj(template.metadata);
  const errs: FieldError[] = [];
  errs.push(...validateLabels(optObj(meta.labels) as Record<string, string> | undefined, child(field, 'labels')));
  errs.push(...validateAnnotations(optObj(meta.annotations) as Record<string, string> | undefined, child(field, 'annotations')));
  errs.push(...validatePodAnnotations(meta.annotations, template.spec, child(field, 'annotations')));
  errs.push(...validatePodSpec(template.spec, child(field, 'spec')));
  if (arr(obj(template.spec).ephemeralContainers).length > 0) {
    errs.push(forbidden(child(field, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
