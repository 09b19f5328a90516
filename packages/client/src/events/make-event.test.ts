import { describe, expect, it } from 'vitest';
import { createEventNamer, formatTime, makeEvent, referenceTo } from './make-event';

describe('referenceTo', () => {
  it('references an object by kind, namespace, name, uid, apiVersion and resourceVersion, in Go field order', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7', labels: { a: 'b' } } };
    expect(Object.entries(referenceTo(pod, 'spec.containers{nginx}'))).toEqual([
      ['kind', 'Pod'], ['namespace', 'default'], ['name', 'web'], ['uid', 'u1'], ['apiVersion', 'v1'], ['resourceVersion', '7'], ['fieldPath', 'spec.containers{nginx}'],
    ]);
  });

  it('omits what a cluster-scoped object lacks and accepts references as they are', () => {
    expect(referenceTo({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'u' } })).toEqual({ kind: 'Node', name: 'n1', uid: 'u', apiVersion: 'v1' });
    expect(referenceTo({ kind: 'Node', name: 'n1', uid: 'n1' })).toEqual({ kind: 'Node', name: 'n1', uid: 'n1' });
  });

  it('refuses objects without kind or name', () => {
    expect(() => referenceTo({ metadata: { name: 'x' } })).toThrow('it has no kind');
    expect(() => referenceTo({ kind: 'Pod', metadata: {} })).toThrow('without a name');
  });
});

describe('makeEvent', () => {
  it('builds a count-1 event in the object namespace, or default for cluster-scoped objects', () => {
    const now = new Date('2026-03-04T05:06:07.890Z');
    const e = makeEvent({ kind: 'Node', name: 'n1' }, 'Normal', 'NodeReady', 'Node n1 status is now: NodeReady', { component: 'kubelet', host: 'n1' }, now, 'n1.abc');
    expect(e).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'n1.abc', namespace: 'default' },
      involvedObject: { kind: 'Node', name: 'n1' },
      reason: 'NodeReady',
      message: 'Node n1 status is now: NodeReady',
      source: { component: 'kubelet', host: 'n1' },
      firstTimestamp: '2026-03-04T05:06:07Z',
      lastTimestamp: '2026-03-04T05:06:07Z',
      count: 1,
      type: 'Normal',
      reportingComponent: 'kubelet',
      reportingInstance: 'n1',
    });
    const s = makeEvent({ kind: 'Pod', namespace: 'prod', name: 'p' }, 'Normal', 'Scheduled', 'm', { component: 'default-scheduler' }, now, 'p.1');
    expect([s.metadata.namespace, s.source, s.reportingInstance]).toEqual(['prod', { component: 'default-scheduler' }, '']);
  });
});

describe('createEventNamer', () => {
  it('names events <object>.<hex nanoseconds>, strictly increasing within one namer', () => {
    const name = createEventNamer(() => 0);
    const now = new Date(1_700_000_000_000);
    const a = name('web', now);
    const b = name('web', now);
    expect(a).toBe(`web.${(1_700_000_000_000n * 1_000_000n).toString(16)}`);
    expect(BigInt('0x' + b.split('.')[1]) - BigInt('0x' + a.split('.')[1])).toBe(1n);
  });

  it('formats times as RFC 3339 seconds', () => {
    expect(formatTime(new Date('2026-01-01T00:00:00.999Z'))).toBe('2026-01-01T00:00:00Z');
  });
});
