/** CronJob validation (ValidateCronJobCreate/Update, validateCronJobSpec). */
import type { FieldError, KObject } from '../../registry/types';
import { invalid, notSupported, required, validateNonnegative } from '../field-errors';
import { goLabelSelector } from '../go-value';
import { isSet, obj, optObj, str } from '../json-access';
import { cronScheduleError, isKnownTimeZone } from './cron-schedule';
import { validateJobSpecCommon } from './job';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];
// IANA name components: ASCII letters, '.', '-', '_' (digits and '+' for legacy names), at most 14 characters.
const TZ_COMPONENT = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateSchedule(schedule: string, allowTZ: boolean, timeZone: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const err = cronScheduleError(schedule);
  if (err) errs.push(invalid('spec.schedule', schedule, err));
  if (allowTZ && schedule.includes('TZ') && isSet(timeZone)) {
    errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

/** validateTimeZone. */
export function validateTimeZone(tz: unknown): FieldError[] {
  if (!isSet(tz)) return [];
  const zone = str(tz);
  if (zone.length === 0) return [invalid('spec.timeZone', zone, 'timeZone must be nil or non-empty string')];
  for (const part of zone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_COMPONENT.test(part)) {
      return [invalid('spec.timeZone', zone, `unknown time zone ${zone}`)];
    }
  }
  const errs: FieldError[] = [];
  if (zone.toLowerCase() === 'local') {
    errs.push(invalid('spec.timeZone', zone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  } else if (!isKnownTimeZone(zone)) {
    errs.push(invalid('spec.timeZone', zone, `unknown time zone ${zone}`));
  }
  return errs;
}

/** ValidateJobTemplateSpec: the job spec, without a selector or manualSelector (both are generated). */
function validateJobTemplate(templateValue: unknown): FieldError[] {
  const spec = obj(obj(templateValue).spec);
  const errs = validateJobSpecCommon(spec, 'spec.jobTemplate.spec');
  if (optObj(spec.selector)) errs.push(invalid('spec.jobTemplate.spec.selector', goLabelSelector(optObj(spec.selector)), '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  return errs;
}

/** CronJob validation on create and update. */
export function validateCronJob(cj: KObject, old?: KObject): FieldError[] {
  const spec = obj(cj.spec);
  const oldSpec = old ? obj(old.spec) : undefined;
  const errs: FieldError[] = [];
  const schedule = str(spec.schedule);
  if (!schedule) errs.push(required('spec.schedule'));
  else errs.push(...validateSchedule(schedule, oldSpec ? str(oldSpec.schedule).includes('TZ') : false, spec.timeZone));
  if (isSet(spec.startingDeadlineSeconds)) errs.push(...validateNonnegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone));
  const policy = str(spec.concurrencyPolicy);
  if (policy === '') errs.push(required('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  errs.push(...validateJobTemplate(spec.jobTemplate));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (isSet(spec[f])) errs.push(...validateNonnegative(spec[f], `spec.${f}`));
  }
  const name = cj.metadata?.name ?? '';
  // The controller names Jobs `<cronjob>-<11-digit timestamp>`, and those must stay within 63 characters.
  if (!old && name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}
