import { describe, expect, it } from 'vitest';
import { configMapKey, configMapWrites } from './workload';

describe('configMapWrites', () => {
  it('names each ConfigMap by prefix and index, in the namespace, under the kube-apiserver key', () => {
    const items = configMapWrites('ns1', 'cm', 3);
    expect(items.map((w) => [w.name, w.namespace, w.key])).toEqual([
      ['cm-0', 'ns1', '/registry/configmaps/ns1/cm-0'],
      ['cm-1', 'ns1', '/registry/configmaps/ns1/cm-1'],
      ['cm-2', 'ns1', '/registry/configmaps/ns1/cm-2'],
    ]);
  });

  it('carries the JSON body of a v1 ConfigMap with a small data payload', () => {
    const [w] = configMapWrites('ns1', 'cm', 1);
    const cm = JSON.parse(w.json);
    expect(cm).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm-0', namespace: 'ns1', labels: { app: 'bench-writes' } } });
    expect(Object.keys(cm.data)).toEqual(['app.properties', 'greeting.txt']);
    expect(cm.data['app.properties']).toContain('index=0');
    expect(w.json.length).toBeGreaterThan(150);
    expect(w.json.length).toBeLessThan(1024);
  });

  it('gives distinct payloads to distinct objects', () => {
    const items = configMapWrites('ns1', 'cm', 50);
    expect(new Set(items.map((w) => w.json)).size).toBe(50);
    expect(new Set(items.map((w) => w.key)).size).toBe(50);
  });

  it('builds nothing for a count of zero', () => {
    expect(configMapWrites('ns1', 'cm', 0)).toEqual([]);
  });
});

describe('configMapKey', () => {
  it('follows /registry/<resource>/<namespace>/<name>', () => {
    expect(configMapKey('kube-system', 'coredns')).toBe('/registry/configmaps/kube-system/coredns');
  });
});
