/** ReplicationController validation (ValidateReplicationControllerSpec). */
import type { FieldError, KObject } from '../../registry/types';
import { required, validateNonnegative } from '../field-errors';
import { obj, optObj } from '../json-access';
import { validatePodTemplateSpec } from '../pod-spec';
import { validateAlwaysRestart, validateSelectorMatchesTemplate } from './workload-template';

/** ValidateReplicationControllerSpec: a non-empty map selector matching the template. */
export function validateReplicationController(rc: KObject): FieldError[] {
  const spec = obj(rc.spec);
  const selector = optObj(spec.selector) ?? {};
  const errs: FieldError[] = [...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  if (!optObj(spec.template)) {
    errs.push(required('spec.template'));
    return errs;
  }
  errs.push(...validateSelectorMatchesTemplate({ matchLabels: selector }, spec.template, 'spec.template'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...validateAlwaysRestart(spec.template, 'spec.template', 'ReplicationController'));
  return errs;
}
