import { describe, expect, it } from 'vitest';
import { findRemovedApi, removedApiHint } from './removed-apis';

describe('removed API versions', () => {
  it('names the replacement and the release that removed the old version', () => {
    expect(removedApiHint('extensions/v1beta1', 'Deployment')).toBe('hint: Deployment is served as apps/v1 since Kubernetes 1.16; change apiVersion to apps/v1');
    expect(removedApiHint('networking.k8s.io/v1beta1', 'Ingress')).toBe(
      'hint: Ingress is served as networking.k8s.io/v1 since Kubernetes 1.22; change apiVersion to networking.k8s.io/v1',
    );
    expect(removedApiHint('batch/v1beta1', 'CronJob')).toContain('batch/v1 since Kubernetes 1.25');
    expect(removedApiHint('autoscaling/v2beta2', 'HorizontalPodAutoscaler')).toContain('autoscaling/v2 since Kubernetes 1.26');
    expect(findRemovedApi('policy/v1beta1', 'PodDisruptionBudget')?.replacement).toBe('policy/v1');
    expect(findRemovedApi('apps/v1beta2', 'StatefulSet')?.replacement).toBe('apps/v1');
  });

  it('says when a kind went away without a replacement', () => {
    expect(removedApiHint('policy/v1beta1', 'PodSecurityPolicy')).toBe('hint: PodSecurityPolicy policy/v1beta1 was removed in Kubernetes 1.25 without a replacement');
  });

  it('has nothing to say about served or unknown versions', () => {
    expect(removedApiHint('apps/v1', 'Deployment')).toBeUndefined();
    expect(removedApiHint('example.com/v1', 'Widget')).toBeUndefined();
  });
});
