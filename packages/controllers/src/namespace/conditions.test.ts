import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { failureConditions, updateNamespaceConditions, type DeletionFindings } from './conditions';

const none: DeletionFindings = { contentErrors: [], remainingByResource: new Map(), remainingByFinalizer: new Map() };

describe('namespace deletion conditions', () => {
  const clock = new FakeClock('2026-01-01T00:00:00Z');

  it('sets every maintained type to its ok variant when nothing failed', () => {
    const { conditions, changed } = updateNamespaceConditions(undefined, failureConditions(none), clock.now());
    expect(changed).toBe(true);
    expect(conditions).toEqual([
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed', lastTransitionTime: '2026-01-01T00:00:00Z' },
      { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed', lastTransitionTime: '2026-01-01T00:00:00Z' },
    ]);
    expect(updateNamespaceConditions(conditions, failureConditions(none), clock.now()).changed).toBe(false);
  });

  it('words failures as upstream, sorted for stable updates', () => {
    const findings: DeletionFindings = {
      discoveryError: 'the server is currently unable to handle the request',
      contentErrors: ['unexpected items still remain in namespace: team for gvr: /v1, Resource=pods', 'configmaps is forbidden'],
      remainingByResource: new Map([['pods.', 2], ['deployments.apps', 1]]),
      remainingByFinalizer: new Map([['example.com/b', 1], ['example.com/a', 3]]),
    };
    expect(failureConditions(findings)).toEqual([
      { type: 'NamespaceDeletionDiscoveryFailure', reason: 'DiscoveryFailed', message: 'the server is currently unable to handle the request' },
      {
        type: 'NamespaceDeletionContentFailure',
        reason: 'ContentDeletionFailed',
        message: 'Failed to delete all resource types, 2 remaining: configmaps is forbidden, unexpected items still remain in namespace: team for gvr: /v1, Resource=pods',
      },
      { type: 'NamespaceContentRemaining', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances' },
      { type: 'NamespaceFinalizersRemaining', reason: 'SomeFinalizersRemain', message: 'Some content in the namespace has finalizers remaining: example.com/a in 3 resource instances, example.com/b in 1 resource instances' },
    ]);
  });

  it('moves the transition time only when the status changes and keeps other conditions', async () => {
    const first = updateNamespaceConditions([{ type: 'Custom', status: 'True' }], failureConditions({ ...none, remainingByResource: new Map([['pods.', 1]]) }), clock.now());
    await clock.advance(10_000);
    const second = updateNamespaceConditions(first.conditions, failureConditions({ ...none, remainingByResource: new Map([['pods.', 2]]) }), clock.now());
    expect(second.changed).toBe(true);
    expect(second.conditions.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: pods. has 2 resource instances', lastTransitionTime: '2026-01-01T00:00:00Z' });
    await clock.advance(10_000);
    const third = updateNamespaceConditions(second.conditions, failureConditions(none), clock.now());
    expect(third.conditions.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'False', reason: 'ContentRemoved', lastTransitionTime: '2026-01-01T00:00:20Z' });
    expect(third.conditions[0]).toEqual({ type: 'Custom', status: 'True' });
  });
});
