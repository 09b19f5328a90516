import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { ApiError, resourcePath, type ApiClient } from '@mk/client';
import type { Pod } from 'kubernetes-types/core/v1';
import type { EventSpec } from '../framework/events';
import { createExpectations } from '../framework/expectations';
import { aggregate, syncNodes } from './apply';
import { daemonPodTemplate } from './pod-for-node';
import { daemonSet } from './fixtures';

/** An API client that records pod writes and fails creations for the nodes in `failOn`. */
function fakeClient(failOn: Set<string> = new Set(), missing: Set<string> = new Set()) {
  const creates: string[] = [];
  const deletes: string[] = [];
  let seq = 0;
  const client = {
    path: resourcePath,
    async request(method: string, path: string, opts?: { body?: unknown }) {
      if (method === 'POST') {
        const pod = opts!.body as Pod;
        const node = pod.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0].matchFields![0].values![0];
        creates.push(node);
        if (failOn.has(node)) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 403, reason: 'Forbidden', message: `pods "agent-x" is forbidden: exceeded quota` });
        return { ...pod, metadata: { ...pod.metadata, name: `agent-${++seq}` } };
      }
      if (method === 'DELETE') {
        const name = path.split('/').at(-1)!;
        deletes.push(name);
        if (missing.has(name)) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound', message: `pods "${name}" not found` });
        return {};
      }
      throw new Error(`unexpected ${method} ${path}`);
    },
  } as unknown as ApiClient;
  return { client, creates, deletes };
}

function setup(failOn?: Set<string>, missing?: Set<string>) {
  const fake = fakeClient(failOn, missing);
  const events: EventSpec[] = [];
  const expectations = createExpectations(new FakeClock());
  return { ...fake, events, expectations, deps: { client: fake.client, events: (e: EventSpec) => events.push(e), expectations } };
}

const ds = daemonSet();
const template = daemonPodTemplate(ds, 'h1');
const nodes = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`);

describe('syncNodes', () => {
  it('creates a pod per node with a SuccessfulCreate event each, expecting every creation', async () => {
    const s = setup();
    await syncNodes(s.deps, ds, 'default/agent', [], nodes(7), template);
    expect(s.creates).toEqual(nodes(7));
    expect(s.events.map((e) => e.message)).toEqual(nodes(7).map((_, i) => `Created pod: agent-${i + 1}`));
    expect(s.events.every((e) => e.reason === 'SuccessfulCreate' && e.type === 'Normal' && e.regarding.kind === 'DaemonSet')).toBe(true);
    expect(s.expectations.satisfied('default/agent')).toBe(false);
    for (let i = 0; i < 7; i++) s.expectations.creationObserved('default/agent');
    expect(s.expectations.satisfied('default/agent')).toBe(true);
  });

  it('stops after the slow-start batch with a failure, no longer expecting the skipped creations', async () => {
    // Batches are w1 | w2 w3 | w4 … : the failure in the second batch skips the remaining four.
    const s = setup(new Set(['w3']));
    await expect(syncNodes(s.deps, ds, 'default/agent', [], nodes(7), template)).rejects.toThrow('pods "agent-x" is forbidden: exceeded quota');
    expect(s.creates).toEqual(['w1', 'w2', 'w3']);
    expect(s.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      'Normal SuccessfulCreate: Created pod: agent-1',
      'Normal SuccessfulCreate: Created pod: agent-2',
      'Warning FailedCreate: Error creating: pods "agent-x" is forbidden: exceeded quota',
    ]);
    s.expectations.creationObserved('default/agent');
    expect(s.expectations.satisfied('default/agent')).toBe(false);
    s.expectations.creationObserved('default/agent');
    expect(s.expectations.satisfied('default/agent')).toBe(true);
  });

  it('deletes pods with SuccessfulDelete events; a pod already gone is no failure', async () => {
    const s = setup(undefined, new Set(['gone']));
    await syncNodes(s.deps, ds, 'default/agent', ['a', 'gone'], [], template);
    expect(s.deletes).toEqual(['a', 'gone']);
    expect(s.events.map((e) => `${e.reason}: ${e.message}`)).toEqual(['SuccessfulDelete: Deleted pod: a']);
    expect(s.expectations.satisfied('default/agent')).toBe(false);
    s.expectations.deletionObserved('default/agent', 'default/a');
    expect(s.expectations.satisfied('default/agent')).toBe(true);
  });

  it('creates and deletes at most 250 pods per sync', async () => {
    const s = setup();
    await syncNodes(s.deps, ds, 'default/agent', [], nodes(300), template);
    expect(s.creates).toHaveLength(250);
  });
});

describe('aggregate', () => {
  it('reports one error as itself and several in brackets', () => {
    expect(aggregate([])).toBeUndefined();
    expect(aggregate([new Error('a')])?.message).toBe('a');
    expect(aggregate([new Error('a'), new Error('b')])?.message).toBe('[a, b]');
  });
});
