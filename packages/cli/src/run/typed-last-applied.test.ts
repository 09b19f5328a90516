import { describe, expect, it } from 'vitest';
import { typedCreateBody } from './typed-last-applied';

const KEY = 'kubectl.kubernetes.io/last-applied-configuration';
const pod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'r1', creationTimestamp: null, labels: { run: 'r1' } },
  spec: { containers: [{ name: 'r1', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  status: {},
} as never;

describe('typedCreateBody', () => {
  it('stores the typed JSON in field order, without an empty annotations map, as kubectl run --save-config does', () => {
    const body = typedCreateBody(pod, true);
    expect(body.metadata?.annotations?.[KEY]).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"r1","creationTimestamp":null,"labels":{"run":"r1"}},' +
        '"spec":{"containers":[{"name":"r1","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    );
  });

  it('keeps other annotations in the stored JSON', () => {
    const withNote = { ...(pod as object), metadata: { name: 'r1', annotations: { note: 'x' } } } as never;
    const body = typedCreateBody(withNote, true);
    expect(body.metadata?.annotations?.note).toBe('x');
    expect(body.metadata?.annotations?.[KEY]).toContain('"metadata":{"name":"r1","annotations":{"note":"x"}}');
  });

  it('adds nothing without --save-config and never sends a resourceVersion', () => {
    const body = typedCreateBody({ ...(pod as object), metadata: { name: 'r1', resourceVersion: '5' } } as never, false);
    expect(body.metadata).toEqual({ name: 'r1' });
  });
});
