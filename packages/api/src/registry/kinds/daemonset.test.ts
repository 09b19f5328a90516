import { describe, expect, it } from 'vitest';
import type { KObject } from '../types';
import { daemonSet, TEMPLATE_GENERATION_ANNOTATION } from './daemonset';

const ds = (image: string, generation?: string): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', ...(generation ? { annotations: { [TEMPLATE_GENERATION_ANNOTATION]: generation } } : {}) },
  spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image }] } } },
});

describe('DaemonSet template generation', () => {
  it('starts at 1 and moves only with template changes', () => {
    const created = ds('busybox:1');
    daemonSet.prepareForCreate!(created);
    expect(created.metadata!.annotations).toEqual({ [TEMPLATE_GENERATION_ANNOTATION]: '1' });

    const sameTemplate = ds('busybox:1');
    daemonSet.prepareForUpdate!(sameTemplate, created);
    expect(sameTemplate.metadata!.annotations![TEMPLATE_GENERATION_ANNOTATION]).toBe('1');

    const newImage = ds('busybox:2', '7'); // a client cannot set it: the stored value counts
    daemonSet.prepareForUpdate!(newImage, created);
    expect(newImage.metadata!.annotations![TEMPLATE_GENERATION_ANNOTATION]).toBe('2');
  });
});
