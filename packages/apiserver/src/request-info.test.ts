import { describe, it, expect } from 'vitest';
import { parseResourcePath } from './request-info';

describe('parseResourcePath', () => {
  it.each([
    ['/api/v1/pods', { group: '', version: 'v1', plural: 'pods', name: undefined, subresource: undefined }],
    ['/api/v1/namespaces', { group: '', version: 'v1', plural: 'namespaces', name: undefined, subresource: undefined }],
    ['/api/v1/namespaces/default', { group: '', version: 'v1', plural: 'namespaces', name: 'default', subresource: undefined }],
    ['/api/v1/namespaces/default/status', { group: '', version: 'v1', plural: 'namespaces', name: 'default', subresource: 'status' }],
    ['/api/v1/namespaces/default/pods', { group: '', version: 'v1', namespace: 'default', plural: 'pods', name: undefined, subresource: undefined }],
    ['/api/v1/namespaces/ns1/pods/web/log', { group: '', version: 'v1', namespace: 'ns1', plural: 'pods', name: 'web', subresource: 'log' }],
    ['/apis/apps/v1/namespaces/default/deployments/web/scale', { group: 'apps', version: 'v1', namespace: 'default', plural: 'deployments', name: 'web', subresource: 'scale' }],
    ['/apis/apps/v1/deployments', { group: 'apps', version: 'v1', plural: 'deployments', name: undefined, subresource: undefined }],
    ['/api/v1/nodes/n1/status', { group: '', version: 'v1', plural: 'nodes', name: 'n1', subresource: 'status' }],
  ])('%s', (path, expected) => {
    expect(parseResourcePath(path)).toEqual(expected);
  });

  it('rejects non-resource and over-long paths', () => {
    expect(parseResourcePath('/api')).toBeUndefined();
    expect(parseResourcePath('/apis/apps')).toBeUndefined();
    expect(parseResourcePath('/healthz')).toBeUndefined();
    expect(parseResourcePath('/api/v1/namespaces/a/pods/b/c/d')).toBeUndefined();
  });
});
