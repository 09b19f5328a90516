/** Job validation (ValidateJob, ValidateJobSpec, validateGeneratedSelector, ValidateJobSpecUpdate). */
import type { FieldError, KObject } from '../../registry/types';
import { child, invalid, notSupported, required, validateNonnegative } from '../field-errors';
import { goLabelSelector, goStruct } from '../go-value';
import { validateImmutable } from '../immutable';
import { isSet, num, obj, optObj, str } from '../json-access';
import { selectorCheck, validateLabelSelector } from '../label-selector';
import { isDNS1123Label } from '../names';
import { validatePodTemplateSpec } from '../pod-spec';
import { templateLabels, validateSelectorMatchesTemplate } from './workload-template';

const MAX_PARALLELISM_INDEXED = 100000;

function validateHasLabel(template: unknown, labelKey: string, expected: string): FieldError[] {
  const labels = templateLabels(template);
  const path = `spec.template.metadata.labels[${labelKey}]`;
  if (!labels || !(labelKey in labels)) return [required(path, `must be '${expected}'`)];
  return labels[labelKey] === expected ? [] : [invalid(path, labels, `must be '${expected}'`)];
}

/** validateGeneratedSelector: unless manualSelector, the controller-uid and job-name labels must be the generated ones. */
function validateGeneratedSelector(job: KObject): FieldError[] {
  const spec = obj(job.spec);
  if (spec.manualSelector === true || !optObj(spec.selector)) return [];
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  const errs: FieldError[] = [];
  if (!uid) errs.push(required('metadata.uid'));
  errs.push(...validateHasLabel(spec.template, 'controller-uid', uid));
  errs.push(...validateHasLabel(spec.template, 'job-name', name));
  errs.push(...validateHasLabel(spec.template, 'batch.kubernetes.io/controller-uid', uid));
  errs.push(...validateHasLabel(spec.template, 'batch.kubernetes.io/job-name', name));
  const expected = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
  const check = selectorCheck(spec.selector);
  if (!check.invalid && !check.matches(expected)) errs.push(invalid('spec.selector', goLabelSelector(optObj(spec.selector)), '`selector` not auto-generated'));
  return errs;
}

/** validateJobSpec: the counts, completion mode, the template, and restartPolicy OnFailure or Never. */
export function validateJobSpecCommon(specValue: unknown, field: string): FieldError[] {
  const spec = obj(specValue);
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    if (isSet(spec[f])) errs.push(...validateNonnegative(spec[f], child(field, f)));
  }
  if (isSet(spec.completionMode)) {
    const mode = str(spec.completionMode);
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(field, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (!isSet(spec.completions)) errs.push(required(child(field, 'completions'), 'when completion mode is Indexed'));
      if (isSet(spec.parallelism) && num(spec.parallelism) > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(child(field, 'parallelism'), num(spec.parallelism), `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  if (isSet(spec.podReplacementPolicy)) {
    const p = str(spec.podReplacementPolicy);
    if (p !== 'TerminatingOrFailed' && p !== 'Failed') errs.push(notSupported(child(field, 'podReplacementPolicy'), p, ['TerminatingOrFailed', 'Failed']));
  }
  errs.push(...validatePodTemplateSpec(spec.template, child(field, 'template')));
  const restart = str(obj(obj(spec.template).spec).restartPolicy);
  const restartPath = child(field, 'template', 'spec', 'restartPolicy');
  // Defaulting turns a missing restartPolicy into Always, so Always gets the "required" wording.
  if (restart === 'Always' || restart === '') errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(restartPath, restart, ['OnFailure', 'Never']));
  return errs;
}

/** ValidateJobSpec: also the selector, which must match the template. */
function validateJobSpec(specValue: unknown): FieldError[] {
  const spec = obj(specValue);
  const errs = validateJobSpecCommon(spec, 'spec');
  if (!optObj(spec.selector)) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template, 'spec.template'));
  return errs;
}

/** ValidateJob (create). */
function validateJobCreate(job: KObject): FieldError[] {
  const errs = [...validateGeneratedSelector(job), ...validateJobSpec(job.spec)];
  const spec = obj(job.spec);
  if (str(spec.completionMode) === 'Indexed' && num(spec.completions) > 0) {
    const hostname = `${job.metadata?.name ?? ''}-${num(spec.completions) - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(invalid('metadata.name', job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/** ValidateJobSpecUpdate: selector, template, completionMode and (for NonIndexed) completions are immutable. */
function validateJobUpdate(job: KObject, old: KObject): FieldError[] {
  const spec = obj(job.spec);
  const oldSpec = obj(old.spec);
  const errs = [...validateGeneratedSelector(job), ...validateJobSpec(spec)];
  errs.push(...validateImmutable(spec.completions ?? null, oldSpec.completions ?? null, 'spec.completions', spec.completions ?? null));
  errs.push(...validateImmutable(spec.selector ?? null, oldSpec.selector ?? null, 'spec.selector', goLabelSelector(optObj(spec.selector))));
  errs.push(...validateTemplateUpdate(spec, oldSpec));
  errs.push(...validateImmutable(spec.completionMode ?? null, oldSpec.completionMode ?? null, 'spec.completionMode', spec.completionMode ?? null));
  errs.push(...validateImmutable(spec.podFailurePolicy ?? null, oldSpec.podFailurePolicy ?? null, 'spec.podFailurePolicy', goStruct('batch.PodFailurePolicy', spec.podFailurePolicy)));
  return errs;
}

// A suspended Job that never started may change scheduling directives, labels and annotations of its template.
function validateTemplateUpdate(spec: Record<string, unknown>, oldSpec: Record<string, unknown>): FieldError[] {
  const template = obj(spec.template);
  let oldTemplate = obj(oldSpec.template);
  if (spec.suspend === true && oldSpec.suspend === true) {
    const tSpec = obj(template.spec);
    const oSpec = { ...obj(oldTemplate.spec) };
    oSpec.nodeSelector = tSpec.nodeSelector;
    oSpec.tolerations = tSpec.tolerations;
    oSpec.schedulingGates = tSpec.schedulingGates;
    oSpec.affinity = tSpec.affinity;
    oldTemplate = { ...oldTemplate, metadata: { ...obj(oldTemplate.metadata), labels: obj(template.metadata).labels, annotations: obj(template.metadata).annotations }, spec: oSpec };
  }
  return validateImmutable(template, oldTemplate, 'spec.template', goStruct('core.PodTemplateSpec', template));
}

/** Job validation on create and update. */
export function validateJob(job: KObject, old?: KObject): FieldError[] {
  return old ? validateJobUpdate(job, old) : validateJobCreate(job);
}
