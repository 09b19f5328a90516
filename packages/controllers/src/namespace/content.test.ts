import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import { assessRemaining, finalizersWithout, podTerminationEstimate, requeueDelayMs, summarizeContent, type ResourceType } from './content';

const pods: ResourceType = { group: '', version: 'v1', plural: 'pods' };
const deployments: ResourceType = { group: 'apps', version: 'v1', plural: 'deployments' };
const pod = (grace: number, phase = 'Running'): Pod => ({ metadata: { name: `p-${grace}` }, spec: { terminationGracePeriodSeconds: grace, containers: [] }, status: { phase } });

describe('podTerminationEstimate', () => {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const deletedAt = clock.now();

  it('is the longest grace period of pods still running, until that long has passed', async () => {
    const list = [pod(30), pod(60), pod(90, 'Succeeded')];
    expect(podTerminationEstimate(list, deletedAt, clock.now())).toBe(60);
    await clock.advance(59_000);
    expect(podTerminationEstimate(list, deletedAt, clock.now())).toBe(60);
    await clock.advance(1_000);
    expect(podTerminationEstimate(list, deletedAt, clock.now())).toBe(0);
    expect(podTerminationEstimate([], deletedAt, deletedAt)).toBe(0);
  });
});

describe('assessRemaining', () => {
  it('is done when nothing is left', () => {
    expect(assessRemaining(pods, 'team', [], 30)).toEqual({ estimateSeconds: 0, remaining: 0, finalizers: new Map() });
  });

  it('waits for the estimate, or 15 s for finalizers, and counts items per finalizer', () => {
    const held = [{ metadata: { name: 'a', finalizers: ['example.com/x'] } }, { metadata: { name: 'b', finalizers: ['example.com/x', 'example.com/y'] } }];
    expect(assessRemaining(pods, 'team', held, 30)).toEqual({ estimateSeconds: 30, remaining: 2, finalizers: new Map([['example.com/x', 2], ['example.com/y', 1]]) });
    expect(assessRemaining(deployments, 'team', held, 0)).toEqual({ estimateSeconds: 15, remaining: 2, finalizers: new Map([['example.com/x', 2], ['example.com/y', 1]]) });
  });

  it('calls leftovers with no reason to stay an error', () => {
    expect(assessRemaining(pods, 'team', [{ metadata: { name: 'stuck' } }], 0)).toEqual({
      estimateSeconds: 0,
      remaining: 1,
      finalizers: new Map(),
      error: 'unexpected items still remain in namespace: team for gvr: /v1, Resource=pods',
    });
  });
});

describe('summarizeContent', () => {
  it('takes the longest estimate, sums finalizers over types and names resources as resource.group', () => {
    const pass = summarizeContent(
      [
        { resource: pods, outcome: { estimateSeconds: 30, remaining: 1, finalizers: new Map([['example.com/x', 1]]) } },
        { resource: deployments, outcome: { estimateSeconds: 15, remaining: 2, finalizers: new Map([['example.com/x', 2]]) } },
        { resource: { group: '', version: 'v1', plural: 'configmaps' }, outcome: { estimateSeconds: 0, remaining: 0, finalizers: new Map() } },
      ],
      'discovery failed',
    );
    expect(pass.estimateSeconds).toBe(30);
    expect(pass.errors).toEqual(['discovery failed']);
    expect([...pass.findings.remainingByResource]).toEqual([['pods.', 1], ['deployments.apps', 2]]);
    expect([...pass.findings.remainingByFinalizer]).toEqual([['example.com/x', 3]]);
  });
});

describe('small rules', () => {
  it('requeues after half the estimate plus a second', () => {
    expect(requeueDelayMs(30)).toBe(16_000);
    expect(requeueDelayMs(15)).toBe(8_000);
    expect(requeueDelayMs(1)).toBe(1_000);
  });

  it('releases only the kubernetes token, as a sorted set', () => {
    expect(finalizersWithout(['kubernetes', 'z.io/b', 'a.io/a', 'z.io/b'], 'kubernetes')).toEqual(['a.io/a', 'z.io/b']);
    expect(finalizersWithout(undefined, 'kubernetes')).toEqual([]);
  });
});
