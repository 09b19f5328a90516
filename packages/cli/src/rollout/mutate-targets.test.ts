import type { KObject } from '@mk/api';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../context';
import { ResultPrinter } from '../mutate/print-result';
import { FakeApiClient, STANDARD_RESOURCES, statusError } from '../mutate/testing/fake-client';
import type { Target } from '../mutate/targets';
import { mutateTargets, planMutation, type MutationCommand } from './mutate-targets';
import { pauseMutator } from './pause';
import { webDeployment } from './testing/fixtures';

const deployments = STANDARD_RESOURCES.find((r) => r.kind === 'Deployment')!;
const pods = STANDARD_RESOURCES.find((r) => r.kind === 'Pod')!;
const PATH = '/apis/apps/v1/namespaces/default/deployments/web';

function run(targets: Target[], errors: unknown[] = [], client = new FakeApiClient(STANDARD_RESOURCES), command: Partial<MutationCommand> = {}) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '', isTTY: false };
  const deps = { client, io, namespace: 'default', namespaceExplicit: false };
  const pause: MutationCommand = { mutator: pauseMutator, operation: 'paused', unchanged: { operation: 'already paused' }, fieldManager: 'kubectl-rollout', ...command };
  return mutateTargets(deps, { targets, errors, singleItemImplied: targets.length === 1 }, new ResultPrinter(io, ''), pause).then((errs) => ({ errs, out, err, client }));
}

describe('planMutation', () => {
  it('diffs the change into a strategic merge patch', () => {
    expect(planMutation({ resource: deployments, namespace: 'default', name: 'web', object: webDeployment() }, pauseMutator).patch).toEqual({ spec: { paused: true } });
  });
});

describe('mutateTargets', () => {
  it('patches with the field manager and prints the operation', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('PATCH', PATH, webDeployment({ paused: true }));
    const r = await run([{ resource: deployments, namespace: 'default', name: 'web', object: webDeployment() }], [], client);
    expect(r.errs).toEqual([]);
    expect(r.out).toBe('deployment.apps/web paused\n');
    expect(client.requests[0]).toMatchObject({ method: 'PATCH', path: PATH, contentType: 'application/strategic-merge-patch+json', query: { fieldManager: 'kubectl-rollout' }, body: { spec: { paused: true } } });
  });

  it("names the object in the mutator's error, with an explicit error: prefix", async () => {
    const r = await run([
      { resource: deployments, namespace: 'default', name: 'web', object: webDeployment({ paused: true }) },
      { resource: pods, namespace: 'default', name: 'nginx', object: { metadata: { name: 'nginx' } } },
    ]);
    expect(r.errs.map((e) => (e as Error).message)).toEqual(['error: deployments.apps "web" is already paused', 'error: pods "nginx" pausing is not supported']);
    expect(r.client.requests).toEqual([]);
  });

  it('prints the unchanged operation, or reports the unchanged error, for an empty patch', async () => {
    const noop = { mutator: (o: KObject) => o };
    const same: Target[] = [{ resource: deployments, namespace: 'default', name: 'web', object: webDeployment() }];
    expect((await run(same, [], undefined, noop)).out).toBe('deployment.apps/web already paused\n');
    const r = await run(same, [], undefined, { ...noop, unchanged: { error: (n) => `nothing to do for ${n}` } });
    expect(r.errs.map((e) => (e as Error).message)).toEqual(['nothing to do for web']);
  });

  it('wraps patch failures and keeps the selection errors first', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('PATCH', PATH, () => {
      throw statusError(409, 'Conflict', 'the object has been modified');
    });
    const first = new Error('selection');
    const r = await run([{ resource: deployments, namespace: 'default', name: 'web', object: webDeployment() }], [first], client);
    expect(r.errs[0]).toBe(first);
    expect((r.errs[1] as Error).message).toBe('failed to patch: the object has been modified');
  });

  it('says when nothing was selected', async () => {
    const r = await run([]);
    expect(r.err).toBe('No resources found in default namespace.\n');
    expect(r.errs).toEqual([]);
  });
});
