import { describe, expect, it } from 'vitest';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { createRevision } from './history';
import { newRevision } from './revisions';
import { apiError, fakeClient, webSet } from './fixtures';

describe('createRevision', () => {
  it('takes an existing revision of the same name and data as its own', async () => {
    const revision = newRevision(webSet(), 1, 0);
    const { client, sent } = fakeClient((req) => {
      if (req.method === 'POST') throw apiError(409, 'AlreadyExists', 'exists');
      return revision;
    });
    expect(await createRevision(client, webSet(), revision, 0)).toEqual({ revision, collisionCount: 0 });
    expect(sent.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('counts a collision with other data and tries the next name', async () => {
    const revision = newRevision(webSet(), 1, 0);
    const other = newRevision(webSet({ image: 'other' }), 1, 0);
    const { client, sent } = fakeClient((req) => {
      if (req.method === 'GET') return other;
      if ((req.body as ControllerRevision).metadata?.name === revision.metadata?.name) throw apiError(409, 'AlreadyExists', 'exists');
      return req.body;
    });
    const out = await createRevision(client, webSet(), revision, 0);
    expect(out.collisionCount).toBe(1);
    expect(out.revision.metadata?.name).toBe(newRevision(webSet(), 1, 1).metadata?.name);
    expect(sent.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
  });
});
