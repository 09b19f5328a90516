import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import type { Target } from '../mutate/targets';
import { aggregateText, fetchMissingObjects } from './fetch-targets';

const deployments = STANDARD_RESOURCES.find((r) => r.kind === 'Deployment')!;
const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } };

describe('fetchMissingObjects', () => {
  it('reads named objects, keeps objects that came with content, and collects read errors', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', '/apis/apps/v1/namespaces/default/deployments/web', web);
    const fromFile: Target = { resource: deployments, namespace: 'default', name: 'api', object: { kind: 'Deployment', metadata: { name: 'api' } } };
    const selection = {
      targets: [{ resource: deployments, namespace: 'default', name: 'web' }, fromFile, { resource: deployments, namespace: 'default', name: 'nope' }],
      errors: ['earlier'],
      singleItemImplied: false,
    };
    const result = await fetchMissingObjects(client, selection);
    expect(result.targets.map((t) => t.object)).toEqual([web, fromFile.object]);
    expect(result.errors).toHaveLength(2);
    expect((result.errors[1] as Error).message).toBe('deployments.apps "nope" not found');
    expect(client.calls()).toEqual(['GET /apis/apps/v1/namespaces/default/deployments/web', 'GET /apis/apps/v1/namespaces/default/deployments/nope']);
  });
});

describe('aggregateText', () => {
  it('prints one error as itself and several de-duplicated in brackets', () => {
    expect(aggregateText([new Error('a')])).toBe('a');
    expect(aggregateText([new Error('a'), new Error('b'), new Error('a')])).toBe('[a, b]');
  });
});
