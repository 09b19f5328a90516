import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { controllerRollbacker, findHistory, matchesRevision } from './undo-controller';
import { agentDaemonSet, agentRevision } from './testing/fixtures';

const DAEMONSET = '/apis/apps/v1/namespaces/default/daemonsets/agent';
const REVISIONS = '/apis/apps/v1/namespaces/default/controllerrevisions';
const target = { namespace: 'default', name: 'agent' };
const revs = (...images: string[]) => images.map((image, i) => agentRevision(i + 1, image)) as unknown as ControllerRevision[];

function cluster(current: string, ...history: string[]): FakeApiClient {
  return new FakeApiClient(STANDARD_RESOURCES)
    .on('GET', DAEMONSET, agentDaemonSet(current))
    .on('GET', REVISIONS, { items: revs(...history) })
    .on('PATCH', DAEMONSET, agentDaemonSet(current));
}

describe('findHistory', () => {
  it('takes the second-highest revision for 0 and the numbered one otherwise', () => {
    const list = [revs('a', 'b', 'c')[2]!, revs('a')[0]!, revs('a', 'b')[1]!];
    expect(findHistory(0, list)?.revision).toBe(2);
    expect(findHistory(3, list)?.revision).toBe(3);
    expect(findHistory(9, list)).toBeUndefined();
    expect(findHistory(0, list.slice(0, 1))).toBeUndefined();
  });
});

describe('matchesRevision', () => {
  it('compares the current template with the recorded patch', () => {
    expect(matchesRevision(agentDaemonSet('agent:2'), revs('agent:1', 'agent:2')[1]!)).toBe(true);
    expect(matchesRevision(agentDaemonSet('agent:2'), revs('agent:1')[0]!)).toBe(false);
  });
});

describe('controllerRollbacker', () => {
  const rollback = controllerRollbacker('DaemonSet');

  it('sends the revision data as a strategic merge patch', async () => {
    const client = cluster('agent:2', 'agent:1', 'agent:2');
    expect(await rollback(client, target, 0, 'none')).toBe('rolled back');
    const patch = client.requests.find((r) => r.method === 'PATCH')!;
    expect(patch).toMatchObject({ path: DAEMONSET, contentType: 'application/strategic-merge-patch+json', query: {} });
    expect(patch.body).toEqual(agentRevision(1, 'agent:1').data);
  });

  it('skips a revision the workload already runs', async () => {
    expect(await rollback(cluster('agent:1', 'agent:1', 'agent:2'), target, 1, 'none')).toBe('skipped rollback (current template already matches revision 1)');
  });

  it('describes the template a client dry run would restore', async () => {
    const client = cluster('agent:2', 'agent:1', 'agent:2');
    const text = await rollback(client, target, 1, 'client');
    expect(text.startsWith('will roll back to Pod Template:\n')).toBe(true);
    expect(text).toContain('    Image:\tagent:1\n');
    expect(client.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it("gives kubectl's errors", async () => {
    await expect(rollback(cluster('a', 'a'), target, 0, 'none')).rejects.toThrow('no last revision to roll back to');
    await expect(rollback(cluster('a', 'a', 'b'), target, 5, 'none')).rejects.toThrow('unable to find specified revision 5 in history');
    await expect(rollback(cluster('a', 'a', 'b'), target, -2, 'none')).rejects.toThrow('unable to find specified revision -2 in history');
  });

  it('adds dryRun=All for a server dry run', async () => {
    const client = cluster('agent:2', 'agent:1', 'agent:2');
    await rollback(client, target, 1, 'server');
    expect(client.requests.find((r) => r.method === 'PATCH')!.query).toEqual({ dryRun: 'All' });
  });
});
