import { describe, expect, it } from 'vitest';
import { globMatches, imageMatches, selectorMatches, specificity, type SimTarget } from './selector';

const target: SimTarget = {
  image: 'registry.k8s.io/e2e-test-images/busybox:1.29',
  containerName: 'worker-1',
  podLabels: { app: 'batch', tier: 'jobs' },
  podAnnotations: { note: 'x' },
  commandLine: ['sh', '-c', 'while true; do sleep 1; done'],
};

describe('selectors', () => {
  it('globs', () => {
    expect(globMatches('worker-*', 'worker-1')).toBe(true);
    expect(globMatches('worker', 'worker-1')).toBe(false);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });

  it('matches images by short repository, as written, or normalised', () => {
    expect(imageMatches('busybox', 'busybox:1.36')).toBe(true);
    expect(imageMatches('docker.io/library/busybox:*', 'busybox')).toBe(true);
    expect(imageMatches('busybox', target.image)).toBe(false);
    expect(imageMatches('*/busybox', target.image)).toBe(true);
  });

  it('requires every condition it sets', () => {
    expect(selectorMatches(undefined, target)).toBe(true);
    expect(selectorMatches({ images: ['*/busybox'], containerNames: ['worker-*'], podLabels: { app: 'batch' } }, target)).toBe(true);
    expect(selectorMatches({ podLabels: { app: 'web' } }, target)).toBe(false);
    expect(selectorMatches({ podAnnotations: { note: '*' } }, target)).toBe(true);
    expect(selectorMatches({ podAnnotations: { other: '*' } }, target)).toBe(false);
    expect(selectorMatches({ hasCommand: false }, target)).toBe(false);
    expect(selectorMatches({ commandMatches: String.raw`while\s+true` }, target)).toBe(true);
  });

  it('counts conditions as specificity', () => {
    expect(specificity(undefined)).toBe(0);
    expect(specificity({ images: ['a', 'b'], hasCommand: true, podLabels: { a: '1', b: '2' } })).toBe(4);
  });
});
