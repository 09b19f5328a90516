import { describe, expect, it } from 'vitest';
import { imageChange, isEmptyPatch } from './image-patch';

const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

function web() {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '41' },
    spec: {
      replicas: 2,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          initContainers: [{ name: 'init', image: 'busybox' }],
          containers: [
            { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] },
            { name: 'side', image: 'redis' },
          ],
        },
      },
    },
  };
}

describe('imageChange', () => {
  it('produces the strategic merge patch kubectl sends for one container', () => {
    const change = imageChange(web(), DEPLOYMENT, new Map([['nginx', 'nginx:1.27']]));
    expect(change.patch).toEqual({
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }], containers: [{ image: 'nginx:1.27', name: 'nginx' }] } } },
    });
    expect(change.problems).toEqual([]);
    expect((change.after as ReturnType<typeof web>).spec.template.spec.containers[0]!.image).toBe('nginx:1.27');
  });

  it('patches init containers under their own element order', () => {
    const change = imageChange(web(), DEPLOYMENT, new Map([['init', 'busybox:1.36']]));
    expect(change.patch).toEqual({
      spec: { template: { spec: { '$setElementOrder/initContainers': [{ name: 'init' }], initContainers: [{ image: 'busybox:1.36', name: 'init' }] } } },
    });
  });

  it('patches a pod spec directly for pods', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    const change = imageChange(pod, { group: '', version: 'v1', kind: 'Pod' }, new Map([['*', 'httpd']]));
    expect(change.patch).toEqual({ spec: { '$setElementOrder/containers': [{ name: 'app' }], containers: [{ image: 'httpd', name: 'app' }] } });
  });

  it('leaves the original object alone', () => {
    const original = web();
    imageChange(original, DEPLOYMENT, new Map([['nginx', 'nginx:1.27']]));
    expect(original).toEqual(web());
  });

  it('gives an empty patch when the image is already set, and reports unknown containers', () => {
    const change = imageChange(web(), DEPLOYMENT, new Map([['nginx', 'nginx'], ['x', 'y']]));
    expect(isEmptyPatch(change.patch)).toBe(true);
    expect(change.problems).toEqual(['error: unable to find container named "x"']);
  });
});
