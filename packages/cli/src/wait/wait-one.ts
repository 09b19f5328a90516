/**
 * The condition functions of `wait` for one object (kubectl's IsDeleted, IsCreated,
 * ConditionalWait and JSONPathWait): with a zero timeout a single GET decides, otherwise the
 * object is watched until it is deleted or passes its check, or the shared deadline aborts.
 */
import type { Clock, KObject } from '@mk/api';
import { isNotFound, type ApiClient } from '@mk/client';
import { objectName } from '../mutate/naming';
import { targetPath, type Target } from '../mutate/targets';
import { waitDeleted } from '../mutate/wait-deleted';
import { conditionMet, jsonPathMet } from './conditions';
import type { WaitFor } from './wait-for';
import { watchUntil } from './watch-until';

/** What waiting on one object needs. */
export interface WaitOneDeps {
  client: ApiClient;
  clock: Clock;
  log(message: string): void;
}

/** The overall limits: `timeoutMs` 0 checks once; `signal` aborts when the deadline has passed. */
export interface WaitLimits {
  timeoutMs: number;
  signal: AbortSignal;
}

/** Resolves with the object to print as `condition met`; rejects with kubectl's error otherwise. */
export async function waitOne(deps: WaitOneDeps, target: Target, waitFor: WaitFor, limits: WaitLimits): Promise<KObject> {
  switch (waitFor.kind) {
    case 'create':
      return target.object!;
    case 'delete':
      return waitForDeletion(deps, target, limits);
    case 'condition':
      return waitForCheck(deps, target, (obj) => conditionMet(obj, waitFor.name, waitFor.value), limits);
    case 'jsonpath':
      return waitForCheck(deps, target, (obj) => jsonPathMet(obj, waitFor.template, waitFor.value), limits);
  }
}

function notMet(target: Target): Error {
  return new Error(`condition not met for ${objectName(target.resource, target.name)}`);
}

async function waitForDeletion(deps: WaitOneDeps, target: Target, limits: WaitLimits): Promise<KObject> {
  const printed = target.object ?? { metadata: { name: target.name } };
  // kubectl reads the object with the expired context, which client-go's rate limiter refuses with this message.
  if (limits.signal.aborted) throw new Error('client rate limiter Wait returned an error: context deadline exceeded');
  if (limits.timeoutMs !== 0) {
    await waitDeleted(deps.client, target, undefined, limits.signal);
    return printed;
  }
  try {
    await deps.client.request<KObject>('GET', targetPath(deps.client, target));
  } catch (err) {
    if (isNotFound(err)) return printed;
    throw err;
  }
  throw notMet(target);
}

async function waitForCheck(deps: WaitOneDeps, target: Target, check: (obj: KObject) => boolean, limits: WaitLimits): Promise<KObject> {
  if (limits.timeoutMs !== 0) return watchUntil({ client: deps.client, target, check, signal: limits.signal, clock: deps.clock, log: deps.log });
  const obj = await deps.client.request<KObject>('GET', targetPath(deps.client, target));
  if (!check(obj)) throw notMet(target);
  return obj;
}
