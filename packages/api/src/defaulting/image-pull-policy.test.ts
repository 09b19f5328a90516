import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, imageTag } from './image-pull-policy';

describe('imagePullPolicy default', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', '3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'latest', 'Always'],
    ['localhost:5000/app:v2', 'v2', 'IfNotPresent'],
    ['nginx@sha256:' + 'a'.repeat(64), '', 'IfNotPresent'],
    ['nginx:1.27@sha256:' + 'a'.repeat(64), '1.27', 'IfNotPresent'],
    ['Nginx', '', 'IfNotPresent'],
    ['', '', 'IfNotPresent'],
  ])('%j', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});
