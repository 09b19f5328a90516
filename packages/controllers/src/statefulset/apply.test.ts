import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { EventSpec } from '../framework/events';
import { applyActions } from './apply';
import { claimsForOrdinal } from './claims';
import { newVersionedStatefulSetPod } from './new-pod';
import { createPendingWrites } from './pending-writes';
import { apiError, fakeClient, podOf, webSet, type SentRequest } from './fixtures';

const set = webSet();
const newPod = (n: number) => newVersionedStatefulSetPod(set, set, 'web-r1', 'web-r1', n);

function run(answer: (req: SentRequest) => unknown, actions: Parameters<typeof applyActions>[1]) {
  const { client, sent } = fakeClient(answer);
  const events: EventSpec[] = [];
  const pending = createPendingWrites(new FakeClock());
  const done = applyActions({ client, events: (e) => events.push(e), pending, setKey: 'default/web', set }, actions);
  return done.then((error) => ({ error, sent: sent.map((r) => `${r.method} ${r.path}`), events: events.map((e) => `${e.type} ${e.reason}: ${e.message}`) }));
}

describe('applyActions', () => {
  it('creates the claim, then the pod, with upstream\'s events', async () => {
    const out = await run(({ body }) => ({ ...(body as object), metadata: { ...(body as { metadata: object }).metadata, uid: 'u' } }), [
      { type: 'createPod', pod: newPod(0), claims: { create: claimsForOrdinal(set, 0), errors: [] }, retention: { update: [], conflicts: [] } },
    ]);
    expect(out.error).toBeUndefined();
    expect(out.sent).toEqual(['POST /api/v1/namespaces/default/persistentvolumeclaims', 'POST /api/v1/namespaces/default/pods']);
    expect(out.events).toEqual(['Normal SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success', 'Normal SuccessfulCreate: create Pod web-0 in StatefulSet web successful']);
  });

  it('does not create the pod when its claim cannot be created, and stops there', async () => {
    const out = await run(
      (req) => {
        if (req.path.endsWith('persistentvolumeclaims')) throw apiError(403, 'Forbidden', 'persistentvolumeclaims "www-web-0" is forbidden: exceeded quota');
        return req.body;
      },
      [
        { type: 'createPod', pod: newPod(0), claims: { create: claimsForOrdinal(set, 0), errors: [] }, retention: { update: [], conflicts: [] } },
        { type: 'deletePod', pod: podOf(set, 5, 'web-r1'), tolerateNotFound: false },
      ],
    );
    expect(out.sent).toEqual(['POST /api/v1/namespaces/default/persistentvolumeclaims']);
    expect(out.events).toEqual([
      'Warning FailedCreate: create Claim www-web-0 for Pod web-0 in StatefulSet web failed error: persistentvolumeclaims "www-web-0" is forbidden: exceeded quota',
      'Warning FailedCreate: create Pod web-0 in StatefulSet web failed error: failed to create PVC www-web-0: persistentvolumeclaims "www-web-0" is forbidden: exceeded quota',
    ]);
    expect(out.error?.message).toBe('failed to create PVC www-web-0: persistentvolumeclaims "www-web-0" is forbidden: exceeded quota');
  });

  it('deletes with the pod\'s uid as precondition; a pod gone during an update is no failure of the sync', async () => {
    const gone = () => {
      throw apiError(404, 'NotFound', 'pods "web-2" not found');
    };
    const update = await run(gone, [{ type: 'deletePod', pod: podOf(set, 2, 'web-r1'), tolerateNotFound: true }]);
    expect(update.error).toBeUndefined();
    expect(update.events).toEqual(['Warning FailedDelete: delete Pod web-2 in StatefulSet web failed error: pods "web-2" not found']);
    const scaleDown = await run(gone, [{ type: 'deletePod', pod: podOf(set, 2, 'web-r1'), tolerateNotFound: false }]);
    expect(scaleDown.error?.message).toBe('pods "web-2" not found');

    const { client, sent } = fakeClient(() => ({}));
    await applyActions({ client, events: () => undefined, pending: createPendingWrites(new FakeClock()), setKey: 'default/web', set }, [{ type: 'deletePod', pod: podOf(set, 2, 'web-r1'), tolerateNotFound: false }]);
    expect(sent[0].body).toMatchObject({ preconditions: { uid: 'uid-web-2' } });
  });
});
