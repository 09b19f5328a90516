/** What ReplicaSets, Deployments, DaemonSets and ReplicationControllers require of their selector and template. */
import type { FieldError } from '../../registry/types';
import { child, invalid, notSupported, required, forbidden } from '../field-errors';
import { goLabelSelector } from '../go-value';
import { obj, optObj } from '../json-access';
import { selectorCheck, validateLabelSelector } from '../label-selector';
import { validatePodTemplateSpec } from '../pod-spec';

const SELECTOR_MISMATCH = '`selector` does not match template `labels`';

/** The template labels value as the message shows it (Go's map[string]string %#v). */
export function templateLabels(template: unknown): Record<string, string> | null {
  return (optObj(obj(obj(template).metadata).labels) as Record<string, string> | undefined) ?? null;
}

/** spec.selector: required, valid, not empty (`empty selector is invalid for <what>`). */
export function validateWorkloadSelector(selector: unknown, field: string, what: string): FieldError[] {
  const sel = optObj(selector);
  if (!sel) return [required(field)];
  const errs = validateLabelSelector(sel, field);
  const size = Object.keys(obj(sel.matchLabels)).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
  if (size === 0) errs.push(invalid(field, goLabelSelector(sel), `empty selector is invalid for ${what}`));
  return errs;
}

/** The template's labels must satisfy a non-empty selector (a missing selector matches nothing). */
export function validateSelectorMatchesTemplate(selector: unknown, template: unknown, field: string): FieldError[] {
  const check = selectorCheck(selector);
  if (check.invalid || check.empty) return [];
  const labels = templateLabels(template);
  return check.matches(labels ?? undefined) ? [] : [invalid(child(field, 'metadata', 'labels'), labels, SELECTOR_MISMATCH)];
}

/**
 * ValidatePodTemplateSpecForReplicaSet (also used by Deployments) on
 * spec.selector and spec.template: selector match, full template validation,
 * restartPolicy Always, no activeDeadlineSeconds.
 */
export function validateTemplateForReplicaSet(selector: unknown, template: unknown, kindWord: string): FieldError[] {
  if (selectorCheck(selector).invalid) return [invalid('spec.selector', goLabelSelector(optObj(selector)), 'invalid label selector')];
  const errs = validateSelectorMatchesTemplate(selector, template, 'spec.template');
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...validateAlwaysRestart(template, 'spec.template', kindWord));
  return errs;
}

/** Controllers that keep pods running need restartPolicy Always and no activeDeadlineSeconds. */
export function validateAlwaysRestart(template: unknown, field: string, kindWord: string): FieldError[] {
  const spec = obj(obj(template).spec);
  const errs: FieldError[] = [];
  const policy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : '';
  if (policy !== 'Always') errs.push(notSupported(child(field, 'spec', 'restartPolicy'), policy, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(child(field, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindWord} is not Supported`));
  }
  return errs;
}
