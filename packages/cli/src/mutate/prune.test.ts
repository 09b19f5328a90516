import { describe, expect, it } from 'vitest';
import { DEFAULT_PRUNE_TYPES, parsePruneAllowlist, resolvePruneTypes } from './prune';
import { STANDARD_RESOURCES } from './testing/fake-client';

describe('prune allowlist', () => {
  it('parses group/version/kind, with core for the core group', () => {
    expect(parsePruneAllowlist(['core/v1/ConfigMap', 'apps/v1/Deployment', 'core/v1/Namespace'], STANDARD_RESOURCES)).toEqual([
      { group: '', version: 'v1', kind: 'ConfigMap', namespaced: true },
      { group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
      { group: '', version: 'v1', kind: 'Namespace', namespaced: false },
    ]);
    expect(() => parsePruneAllowlist(['v1/Pod'], STANDARD_RESOURCES)).toThrow('invalid GroupVersionKind format: v1/Pod, please follow <group/version/kind>');
    expect(() => parsePruneAllowlist(['core/v1/Gadget'], STANDARD_RESOURCES)).toThrow('no matches for kind "Gadget" in version "v1"');
  });

  it("resolves kubectl's default list by scope", () => {
    const { namespaced, clusterScoped } = resolvePruneTypes(DEFAULT_PRUNE_TYPES, STANDARD_RESOURCES);
    expect(namespaced.map((r) => r.plural)).toEqual([
      'configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'replicationcontrollers', 'secrets', 'services',
      'jobs', 'cronjobs', 'ingresses', 'daemonsets', 'deployments', 'replicasets', 'statefulsets',
    ]);
    expect(clusterScoped.map((r) => r.plural)).toEqual(['namespaces', 'persistentvolumes']);
  });
});
