/**
 * Event validation. core/v1 Events keep the legacy rules (legacyValidateEvent
 * for requests in v1); events.k8s.io/v1 Events get the strict ones. Field
 * paths are upstream's internal names (involvedObject, reportingController,
 * message, source) even for events.k8s.io, as upstream reports them.
 */
import type { FieldError, KObject } from '../../registry/types';
import { invalid, required } from '../field-errors';
import { isSet, num, obj, str } from '../json-access';
import { isDNS1123Subdomain, isQualifiedName } from '../names';

const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;

interface EventView {
  namespace: string;
  involvedNamespace: string;
  eventTime: unknown;
  reportingController: string;
  reportingInstance: string;
  action: string;
  reason: string;
  message: string;
}

function legacyValidate(ev: EventView, reportingField: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isSet(ev.eventTime)) {
    if (!ev.involvedNamespace) {
      if (ev.namespace !== '' && ev.namespace !== 'default') errs.push(invalid('involvedObject.namespace', ev.involvedNamespace, 'does not match event.namespace'));
    } else if (ev.namespace !== ev.involvedNamespace) {
      errs.push(invalid('involvedObject.namespace', ev.involvedNamespace, 'does not match event.namespace'));
    }
  } else {
    if (!ev.involvedNamespace && ev.namespace !== 'default' && ev.namespace !== 'kube-system') {
      errs.push(invalid('involvedObject.namespace', ev.involvedNamespace, 'does not match event.namespace'));
    }
    if (!ev.reportingController) errs.push(required(reportingField));
    for (const m of isQualifiedName(ev.reportingController)) errs.push(invalid(reportingField, ev.reportingController, m));
    if (!ev.reportingInstance) errs.push(required('reportingInstance'));
    if (ev.reportingInstance.length > REPORTING_INSTANCE_LIMIT) errs.push(invalid('reportingInstance', '', `can have at most ${REPORTING_INSTANCE_LIMIT} characters`));
    if (!ev.action) errs.push(required('action'));
    if (ev.action.length > ACTION_LIMIT) errs.push(invalid('action', '', `can have at most ${ACTION_LIMIT} characters`));
    if (!ev.reason) errs.push(required('reason'));
    if (ev.reason.length > REASON_LIMIT) errs.push(invalid('reason', '', `can have at most ${REASON_LIMIT} characters`));
    if (ev.message.length > NOTE_LIMIT) errs.push(invalid('message', '', `can have at most ${NOTE_LIMIT} characters`));
  }
  for (const m of isDNS1123Subdomain(ev.namespace)) errs.push(invalid('namespace', ev.namespace, m));
  return errs;
}

/** core/v1 Event (create and update). */
export function validateCoreEvent(e: KObject): FieldError[] {
  return legacyValidate(
    {
      namespace: e.metadata?.namespace ?? '',
      involvedNamespace: str(obj(e.involvedObject).namespace),
      eventTime: e.eventTime,
      reportingController: str(e.reportingComponent),
      reportingInstance: str(e.reportingInstance),
      action: str(e.action),
      reason: str(e.reason),
      message: str(e.message),
    },
    'reportingComponent',
  );
}

/** events.k8s.io/v1 Event: legacy rules plus eventTime, type, series, and the deprecated fields unset. */
export function validateEventsV1Event(e: KObject, old?: KObject): FieldError[] {
  const errs = legacyValidate(
    {
      namespace: e.metadata?.namespace ?? '',
      involvedNamespace: str(obj(e.regarding).namespace),
      eventTime: e.eventTime,
      reportingController: str(e.reportingController),
      reportingInstance: str(e.reportingInstance),
      action: str(e.action),
      reason: str(e.reason),
      message: str(e.note),
    },
    'reportingController',
  );
  if (old) return errs;
  const series = obj(e.series);
  if (isSet(e.series)) {
    if (num(series.count) < 2) errs.push(invalid('series.count', '', 'should be at least 2'));
    if (!isSet(series.lastObservedTime)) errs.push(required('series.lastObservedTime'));
  }
  if (!isSet(e.eventTime)) errs.push(required('eventTime'));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${str(e.type)}`));
  if (isSet(e.deprecatedFirstTimestamp)) errs.push(invalid('firstTimestamp', '', 'needs to be unset'));
  if (isSet(e.deprecatedLastTimestamp)) errs.push(invalid('lastTimestamp', '', 'needs to be unset'));
  if (num(e.deprecatedCount) !== 0) errs.push(invalid('count', '', 'needs to be unset'));
  const src = obj(e.deprecatedSource);
  if (str(src.component) || str(src.host)) errs.push(invalid('source', '', 'needs to be unset'));
  return errs;
}
