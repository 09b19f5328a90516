import { describe, expect, it } from 'vitest';
import { isValidImageReference } from './image-reference';

describe('isValidImageReference', () => {
  it('accepts names, registries with ports, tags and digests', () => {
    for (const image of [
      'nginx',
      'nginx:1.27',
      'library/nginx:1.27-alpine',
      'hazelcast/hazelcast',
      'registry.k8s.io/pause:3.10',
      'localhost:5000/app_v2/api__x',
      'Registry.Example.com/team/app',
      '[::1]:5000/app',
      `busybox@sha256:${'a'.repeat(64)}`,
      `busybox:1.36@sha256:${'0f'.repeat(32)}`,
    ]) {
      expect(isValidImageReference(image), image).toBe(true);
    }
  });

  it('rejects what the reference grammar rejects', () => {
    for (const image of ['Nginx', 'nginx:', 'nginx:-x', 'ngi@@nx', '-nginx', 'nginx/', 'a//b', 'nginx@sha256:abc', 'my image', '']) {
      expect(isValidImageReference(image), image).toBe(false);
    }
  });
});
