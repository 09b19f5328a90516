import { describe, expect, it } from 'vitest';
import { parseImageRef } from './image-ref';

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 'nginx'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7', 'bitnami/redis'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/pause'],
    ['localhost:5000/app', 'localhost:5000/app:latest', 'localhost:5000/app'],
    ['busybox@sha256:abc', 'docker.io/library/busybox@sha256:abc', 'busybox'],
  ])('%s → %s', (image, normalized, repository) => {
    const ref = parseImageRef(image);
    expect(ref.normalized).toBe(normalized);
    expect(ref.repository).toBe(repository);
  });
});
