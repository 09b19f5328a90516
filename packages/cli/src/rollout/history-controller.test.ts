import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { controllerHistoryText, controllerHistoryViewer } from './history-controller';
import { agentDaemonSet, agentRevision } from './testing/fixtures';

const revisions = () => [agentRevision(1, 'agent:1'), agentRevision(2, 'agent:2', { 'kubernetes.io/change-cause': 'upgrade' })] as unknown as ControllerRevision[];

describe('controllerHistoryText', () => {
  it('prints the table with change causes from the revisions', () => {
    expect(controllerHistoryText(agentDaemonSet('agent:2'), revisions(), 0, 'DaemonSet')).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade\n');
  });

  it("prints one revision's template as the workload would run it", () => {
    const text = controllerHistoryText(agentDaemonSet('agent:2'), revisions(), 1, 'DaemonSet');
    expect(text).toContain('    Image:\tagent:1\n');
    expect(text.startsWith('Pod Template:\n  Labels:\tapp=web\n')).toBe(true);
  });

  it('reports no history and unknown revisions', () => {
    expect(controllerHistoryText(agentDaemonSet('a'), [], 0, 'DaemonSet')).toBe('No rollout history found.');
    expect(() => controllerHistoryText(agentDaemonSet('a'), revisions(), 5, 'DaemonSet')).toThrow('unable to find the specified revision');
  });

  it('reports revision data that cannot be applied', () => {
    const broken = [{ ...agentRevision(1, 'x'), data: ['not', 'a', 'patch'] }] as unknown as ControllerRevision[];
    expect(() => controllerHistoryText(agentDaemonSet('a'), broken, 1, 'DaemonSet')).toThrow('unable to parse history agent-r1');
  });
});

describe('controllerHistoryViewer', () => {
  const client = () =>
    new FakeApiClient(STANDARD_RESOURCES)
      .on('GET', '/apis/apps/v1/namespaces/default/daemonsets/agent', agentDaemonSet('agent:2'))
      .on('GET', '/apis/apps/v1/namespaces/default/controllerrevisions', { items: [...revisions(), { ...agentRevision(3, 'x'), metadata: { name: 'stranger', ownerReferences: [] } }] });

  it('lists the revisions by selector and keeps those the workload controls', async () => {
    const c = client();
    expect(await controllerHistoryViewer('DaemonSet').view(c, 'default', 'agent', 0)).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade\n');
    expect(c.requests[1]).toMatchObject({ path: '/apis/apps/v1/namespaces/default/controllerrevisions', query: { labelSelector: 'app=web' } });
  });

  it('returns the workload as of each revision for -o', async () => {
    const objects = await controllerHistoryViewer('DaemonSet').objects(client(), 'default', 'agent');
    expect([...objects.keys()]).toEqual([1, 2]);
    expect(objects.get(1)).toMatchObject({ kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template: { spec: { containers: [{ image: 'agent:1' }] } } } });
  });

  it("uses kubectl's wording when the workload cannot be read", async () => {
    const empty = new FakeApiClient(STANDARD_RESOURCES);
    await expect(controllerHistoryViewer('DaemonSet').view(empty, 'default', 'agent', 0)).rejects.toThrow('failed to retrieve DaemonSet agent: daemonsets.apps "agent" not found');
    await expect(controllerHistoryViewer('StatefulSet').view(empty, 'default', 'db', 0)).rejects.toThrow('failed to retrieve Statefulset db: statefulsets.apps "db" not found');
  });
});
