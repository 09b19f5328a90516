/**
 * The statefulset-controller's events, worded as upstream's
 * recordPodEvent/recordClaimEvent (reason `Successful<Verb>` or
 * `Failed<Verb>`, always about the set).
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { refTo, type EventSpec } from '../framework/events';

export type Verb = 'create' | 'update' | 'delete';

const title = (verb: Verb) => verb[0].toUpperCase() + verb.slice(1);
const about = (set: Readonly<StatefulSet>) => refTo(set, 'apps/v1', 'StatefulSet');

/** `create Pod web-0 in StatefulSet web successful`, or the failure with its error. */
export function podEvent(set: Readonly<StatefulSet>, verb: Verb, pod: string, error?: string): EventSpec {
  const name = set.metadata?.name;
  return error === undefined
    ? { regarding: about(set), type: 'Normal', reason: `Successful${title(verb)}`, message: `${verb} Pod ${pod} in StatefulSet ${name} successful` }
    : { regarding: about(set), type: 'Warning', reason: `Failed${title(verb)}`, message: `${verb} Pod ${pod} in StatefulSet ${name} failed error: ${error}` };
}

/** `create Claim www-web-0 Pod web-0 in StatefulSet web success`, or the failure with its error. */
export function claimEvent(set: Readonly<StatefulSet>, verb: Verb, claim: string, pod: string, error?: string): EventSpec {
  const name = set.metadata?.name;
  return error === undefined
    ? { regarding: about(set), type: 'Normal', reason: `Successful${title(verb)}`, message: `${verb} Claim ${claim} Pod ${pod} in StatefulSet ${name} success` }
    : { regarding: about(set), type: 'Warning', reason: `Failed${title(verb)}`, message: `${verb} Claim ${claim} for Pod ${pod} in StatefulSet ${name} failed error: ${error}` };
}

/** A claim held by another controller: its retention policy is ignored (upstream's wording, typo included). */
export function conflictingControllerEvent(set: Readonly<StatefulSet>, claim: string): EventSpec {
  return {
    regarding: about(set),
    type: 'Warning',
    reason: 'ConflictingController',
    message: `PersistentVolumeClaim ${claim} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`,
  };
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several in brackets (duplicates dropped). */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
