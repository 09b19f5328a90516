import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import { oldPodsRunning, podMapFor } from './recreate';
import { deployment, FakeDeploymentApi, replicaSet } from './test-support';
import { boundPod, frozen } from '../testing/fixtures';

function podOf(name: string, rsName: string, phase = 'Running', rsUid = `uid-${rsName}`): Pod {
  const pod = boundPod(name, 'n1', { labels: { app: 'web' }, owner: { kind: 'ReplicaSet', name: rsName, uid: rsUid } });
  return { ...pod, status: { ...pod.status, phase } };
}

describe('oldPodsRunning', () => {
  const d = frozen(deployment('web', { strategy: 'Recreate' })); // selects app=web
  const old = frozen(replicaSet('old', 0, { status: { replicas: 0 } }));
  const newRS = frozen(replicaSet('new', 2));

  it('counts an old ReplicaSet that still reports pods', () => {
    expect(oldPodsRunning(newRS, [frozen(replicaSet('old', 0, { status: { replicas: 1 } }))], new Map())).toBe(true);
  });

  it('counts old pods that are not Succeeded or Failed, terminating or not, and ignores the new ones', () => {
    const map = (pods: Pod[]) => podMapFor(d, [old, newRS], frozen(pods));
    expect(oldPodsRunning(newRS, [old], map([podOf('p1', 'old')]))).toBe(true);
    expect(oldPodsRunning(newRS, [old], map([podOf('p1', 'old', 'Unknown')]))).toBe(true);
    expect(oldPodsRunning(newRS, [old], map([podOf('p1', 'old', 'Succeeded'), podOf('p2', 'old', 'Failed')]))).toBe(false);
    expect(oldPodsRunning(newRS, [old], map([podOf('p1', 'new')]))).toBe(false);
    expect(oldPodsRunning(newRS, [old], map([podOf('p1', 'someone-else')]))).toBe(false);
  });
});

describe('a Recreate rollout', () => {
  it('scales the old ReplicaSet to 0, waits for its pods to go, then creates the new one at full size', async () => {
    const api = new FakeDeploymentApi(new FakeClock());
    api.addDeployment(deployment('web', { replicas: 2, strategy: 'Recreate', image: 'nginx:1.12' }));
    await api.sync('web');
    api.settleReplicaSets();
    await api.sync('web');
    const [v1] = api.rsList();
    expect(v1.spec!.replicas).toBe(2);
    for (const name of ['a', 'b']) api.pods.push(podOf(`web-${name}`, v1.metadata!.name!, 'Running', v1.metadata!.uid!));

    api.editDeployment('web', (d) => void (d.spec!.template!.spec!.containers[0].image = 'nginx:1.13'));
    api.log.length = 0;
    api.events.length = 0;
    await api.sync('web');
    expect(api.log).toEqual([`update ReplicaSet/${v1.metadata!.name} replicas=0`, 'status Deployment/web']);
    api.settleReplicaSets();

    // The ReplicaSet reports none, but its pods are still terminating: no new ReplicaSet yet.
    await api.sync('web');
    expect(api.rsList()).toHaveLength(1);

    api.pods.length = 0;
    await api.sync('web');
    const [, v2] = api.rsList();
    expect(v2.spec!.replicas).toBe(2);
    expect(api.messages()).toEqual([`ScalingReplicaSet: Scaled down replica set ${v1.metadata!.name} from 2 to 0`, `ScalingReplicaSet: Scaled up replica set ${v2.metadata!.name} from 0 to 2`]);
    expect(v2.metadata!.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '2' });
  });
});
