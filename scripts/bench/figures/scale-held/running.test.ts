import { describe, expect, it } from 'vitest';
import { createRunningTracker, type PodEvent } from './running';

const pod = (type: string, namespace: string, name: string, phase?: string): PodEvent => ({ type, object: { metadata: { namespace, name }, status: phase ? { phase } : {} } });

describe('createRunningTracker', () => {
  it('counts each pod once, the first time it is seen Running', () => {
    const t = createRunningTracker(new Set(['a', 'b']));
    t.observe(pod('ADDED', 'a', 'p', 'Pending'));
    t.observe(pod('MODIFIED', 'a', 'p', 'Running'));
    t.observe(pod('MODIFIED', 'a', 'p', 'Running'));
    t.observe(pod('ADDED', 'b', 'q', 'Running'));
    expect(t.running).toBe(2);
    expect(t.events).toBe(4);
  });

  it('tells pods of the same name in different namespaces apart', () => {
    const t = createRunningTracker(new Set(['a', 'b']));
    t.observe(pod('MODIFIED', 'a', 'p', 'Running'));
    t.observe(pod('MODIFIED', 'b', 'p', 'Running'));
    expect(t.running).toBe(2);
  });

  it('keeps a pod counted after it stops running, and ignores deletions and bookmarks', () => {
    const t = createRunningTracker(new Set(['a', 'b']));
    t.observe(pod('MODIFIED', 'a', 'p', 'Running'));
    t.observe(pod('MODIFIED', 'a', 'p', 'Failed'));
    t.observe(pod('DELETED', 'a', 'q', 'Running'));
    t.observe({ type: 'BOOKMARK', object: { metadata: {} } });
    expect(t.running).toBe(1);
  });

  it('leaves out pods of other namespaces', () => {
    const t = createRunningTracker(new Set(['a']));
    t.observe(pod('MODIFIED', 'kube-system', 'p', 'Running'));
    t.observe(pod('MODIFIED', 'a', 'p', 'Running'));
    expect(t.running).toBe(1);
    expect(t.events).toBe(2);
  });

  it('throws on an ERROR event with the Status message', () => {
    const t = createRunningTracker(new Set(['a', 'b']));
    expect(() => t.observe({ type: 'ERROR', object: { message: 'too old resource version' } })).toThrow(/too old resource version/);
  });
});
