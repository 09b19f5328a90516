/** A fake `mk` with `rollout` registered on a FakeClock, and kubectl-style failure capture, for the rollout command tests. */
import { FakeClock } from '@mk/api';
import type { RegisterCommand } from '../../command';
import { registerRollout } from '../../commands/rollout';
import { formatCliError } from '../../error-boundary';
import { fakeCli, type FakeCli } from '../../mutate/testing/fake-context';

/** The deployments collection and `web` in it, and the ReplicaSets collection, of the default namespace. */
export const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
export const WEB = `${DEPLOYMENTS}/web`;
export const REPLICASETS = '/apis/apps/v1/namespaces/default/replicasets';

/** A fake CLI whose rollout commands use a FakeClock and a fixed UTC offset (minutes east). */
export function rolloutCli(utcOffset = 0): FakeCli & { clock: FakeClock } {
  const clock = new FakeClock();
  const register: RegisterCommand = (program, ctx) => registerRollout(program, ctx, { clock, utcOffset: () => utcOffset });
  return { ...fakeCli([register]), clock };
}

/** Runs a command expected to fail and returns what the error boundary would print, and the exit code. */
export async function failure(run: Promise<void>): Promise<{ message: string; exitCode: number }> {
  return formatCliError(await run.then(() => new Error('expected the command to fail'), (e: unknown) => e));
}
