import type { KObject } from '@mk/api';
import { describe, expect, it } from 'vitest';
import { applyOverrides } from './overrides';

function pod(): KObject {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'r1', labels: { run: 'r1' } },
    spec: { containers: [{ name: 'r1', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  };
}

describe('applyOverrides', () => {
  it('leaves the object alone without overrides', () => {
    const p = pod();
    expect(applyOverrides(p, '', 'merge')).toBe(p);
  });

  it('merges by default, replacing lists wholesale', () => {
    const out = applyOverrides(pod(), '{"spec":{"nodeName":"n1","containers":[{"name":"x","image":"y"}]}}', 'merge');
    expect(out.spec).toEqual({ containers: [{ name: 'x', image: 'y' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', nodeName: 'n1' });
  });

  it('merges containers by name with the strategic type', () => {
    const out = applyOverrides(pod(), '{"spec":{"containers":[{"name":"r1","stdin":true}]}}', 'strategic');
    expect((out.spec as { containers: unknown[] }).containers).toEqual([{ name: 'r1', image: 'nginx', resources: {}, stdin: true }]);
  });

  it('applies JSON patch operations with the json type', () => {
    const out = applyOverrides(pod(), '[{"op":"replace","path":"/spec/restartPolicy","value":"Never"}]', 'json');
    expect(out.spec).toMatchObject({ restartPolicy: 'Never' });
  });

  it("fails with kubectl's messages", () => {
    expect(() => applyOverrides(pod(), 'notjson', 'merge')).toThrow('Invalid JSON Patch');
    expect(() => applyOverrides(pod(), '{}', 'yaml')).toThrow('invalid override type: yaml');
  });
});
