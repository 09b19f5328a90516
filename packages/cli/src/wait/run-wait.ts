/**
 * The body of `wait` (kubectl WaitOptions.RunWait): one deadline for the whole command; for
 * --for=create, re-read the objects every half second until none is missing; then wait on each
 * selected object in turn, printing `pod/x condition met` for each that makes it. Objects that are
 * already gone satisfy --for=delete silently; failures are reported together at the end.
 */
import type { Clock } from '@mk/api';
import { isNotFound } from '@mk/client';
import { CliError } from '../context';
import type { ClusterDeps } from '../mutate/cluster-deps';
import type { ResultPrinter } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { selectTargets, type Selection, type TargetSpec } from '../mutate/select-targets';
import type { WaitFor } from './wait-for';
import { waitOne } from './wait-one';

/** kubectl polls every 500 ms for --for=create. */
const CREATE_POLL_MS = 500;

/** What `wait` was asked to do; `timeoutMs` is already made non-negative (kubectl turns negative into a week). */
export interface WaitPlan {
  waitFor: WaitFor;
  timeoutMs: number;
}

/** Where `wait` reads, prints and waits. */
export interface WaitDeps {
  cluster: ClusterDeps;
  printer: ResultPrinter;
  clock: Clock;
  log(message: string): void;
}

/** Waits for every selected object; throws what kubectl's RunWait returns. */
export async function runWait(deps: WaitDeps, spec: TargetSpec, plan: WaitPlan): Promise<void> {
  const abort = new AbortController();
  const timer = plan.timeoutMs > 0 ? deps.clock.setTimeout(() => abort.abort(), plan.timeoutMs) : undefined;
  try {
    const selection = plan.waitFor.kind === 'create' ? await pollUntilCreated(deps, spec, plan.timeoutMs, abort.signal) : await selectTargets(deps.cluster, spec);
    const forDelete = plan.waitFor.kind === 'delete';
    const errors = forDelete ? selection.errors.filter((e) => !isNotFound(e)) : [...selection.errors];
    const limits = { timeoutMs: plan.timeoutMs, signal: abort.signal };
    for (const target of selection.targets) {
      try {
        const obj = await waitOne({ client: deps.cluster.client, clock: deps.clock, log: deps.log }, target, plan.waitFor, limits);
        deps.printer.print(obj, target.resource, target.name, 'condition met');
      } catch (err) {
        errors.push(err);
      }
    }
    finishWithErrors(errors, deps.cluster.io);
    if (selection.targets.length === 0 && !forDelete) throw new CliError('no matching resources found');
  } finally {
    timer?.cancel();
  }
}

/** Re-selects until nothing is NotFound; other errors end the wait at once. */
async function pollUntilCreated(deps: WaitDeps, spec: TargetSpec, timeoutMs: number, signal: AbortSignal): Promise<Selection> {
  const timedOut = (): Error => new Error('timed out waiting for the condition');
  for (;;) {
    const selection = await selectTargets(deps.cluster, spec);
    if (selection.errors.length === 0) return selection;
    if (!selection.errors.every(isNotFound)) finishWithErrors(selection.errors, deps.cluster.io);
    if (timeoutMs === 0 || signal.aborted) throw timedOut();
    await deps.clock.sleep(CREATE_POLL_MS);
    if (signal.aborted) throw timedOut();
  }
}
