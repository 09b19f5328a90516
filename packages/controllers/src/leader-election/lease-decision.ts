/**
 * The decision at the heart of client-go's leaderelection.tryAcquireOrRenew,
 * kept pure: given the Lease as last read and when this candidate first saw
 * its current record, may we take or keep the lease, and what do we write?
 *
 * Expiry is judged by the candidate's own clock from the moment it observed
 * the record change (not from the renewTime written by another machine), so
 * clock skew between candidates cannot steal a lease early.
 */
import type { Lease, LeaseSpec } from 'kubernetes-types/coordination/v1';
import { rfc3339Micro } from '../framework/time';

/** What the candidate remembers of the record it last saw. */
export interface Observation {
  /** The record's content, as compared for changes. */
  record: string;
  /** When (candidate clock, ms) the record was first seen with this content. */
  at: number;
}

export type LeaseDecision =
  | { action: 'create'; spec: LeaseSpec }
  | { action: 'update'; spec: LeaseSpec }
  | { action: 'wait'; holder: string };

/** The part of the spec that identifies a holder's term: a renewal changes renewTime, so it counts as a change. */
export function recordOf(spec: LeaseSpec | undefined): string {
  return JSON.stringify([spec?.holderIdentity ?? '', spec?.renewTime ?? '', spec?.leaseDurationSeconds ?? 0, spec?.leaseTransitions ?? 0]);
}

/** Decides for `identity` at `now` given the current Lease (undefined = none exists). */
export function decideLease(lease: Readonly<Lease> | undefined, observed: Observation | undefined, identity: string, now: Date, leaseDurationSeconds: number): LeaseDecision {
  const micro = rfc3339Micro(now);
  if (!lease) {
    return { action: 'create', spec: { holderIdentity: identity, leaseDurationSeconds, acquireTime: micro, renewTime: micro, leaseTransitions: 0 } };
  }
  const spec = lease.spec ?? {};
  const holder = spec.holderIdentity ?? '';
  const duration = (spec.leaseDurationSeconds ?? leaseDurationSeconds) * 1000;
  const seenAt = observed && observed.record === recordOf(spec) ? observed.at : now.getTime();
  const held = holder !== '' && holder !== identity && seenAt + duration > now.getTime();
  if (held) return { action: 'wait', holder };
  if (holder === identity) return { action: 'update', spec: { ...spec, leaseDurationSeconds, renewTime: micro } };
  return {
    action: 'update',
    spec: { ...spec, holderIdentity: identity, leaseDurationSeconds, acquireTime: micro, renewTime: micro, leaseTransitions: (spec.leaseTransitions ?? 0) + 1 },
  };
}
