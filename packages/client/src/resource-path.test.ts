import { describe, expect, it } from 'vitest';
import { parseResourcePath, resourcePath } from './resource-path';

describe('resourcePath', () => {
  it('builds core namespaced paths with subresource', () => {
    expect(resourcePath({ group: '', version: 'v1', plural: 'pods', namespace: 'default', name: 'web', subresource: 'log' })).toBe('/api/v1/namespaces/default/pods/web/log');
  });
  it('builds named-group collection and cluster-scoped paths', () => {
    expect(resourcePath({ group: 'apps', version: 'v1', plural: 'deployments', namespace: 'ns1' })).toBe('/apis/apps/v1/namespaces/ns1/deployments');
    expect(resourcePath({ group: '', version: 'v1', plural: 'namespaces', name: 'kube-system' })).toBe('/api/v1/namespaces/kube-system');
    expect(resourcePath({ group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles' })).toBe('/apis/rbac.authorization.k8s.io/v1/clusterroles');
  });
  it('escapes names', () => {
    expect(resourcePath({ group: '', version: 'v1', plural: 'pods', namespace: 'd', name: 'a b' })).toBe('/api/v1/namespaces/d/pods/a%20b');
  });
  it('refuses a subresource without a name', () => {
    expect(() => resourcePath({ group: '', version: 'v1', plural: 'pods', subresource: 'status' })).toThrow(/needs a resource name/);
  });
});

describe('parseResourcePath', () => {
  it('reads namespaced and cluster-scoped paths', () => {
    expect(parseResourcePath('/apis/apps/v1/namespaces/default/deployments/web/scale?x=1')).toEqual({ group: 'apps', version: 'v1', plural: 'deployments', namespace: 'default', name: 'web', subresource: 'scale' });
    expect(parseResourcePath('/api/v1/nodes/n1')).toEqual({ group: '', version: 'v1', plural: 'nodes', name: 'n1', subresource: undefined });
    expect(parseResourcePath('/api/v1/namespaces/kube-system')).toMatchObject({ plural: 'namespaces', name: 'kube-system' });
    expect(parseResourcePath('/api/v1/namespaces/ns1/finalize')).toMatchObject({ plural: 'namespaces', name: 'ns1', subresource: 'finalize' });
  });
  it('is undefined for non-resource paths', () => {
    expect(parseResourcePath('/version')).toBeUndefined();
    expect(parseResourcePath('/apis')).toBeUndefined();
    expect(parseResourcePath('/api/v1')).toBeUndefined();
  });
});
