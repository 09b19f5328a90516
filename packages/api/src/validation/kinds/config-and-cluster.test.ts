import { describe, expect, it } from 'vitest';
import type { KObject } from '../../registry/types';
import { createErrors, updateErrors } from '../test-support';

const obj = (apiVersion: string, kind: string, rest: Record<string, unknown>, name = 'x', namespace: string | null = 'default'): KObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...rest,
});

describe('ConfigMap and Secret', () => {
  it('checks keys', () => {
    expect(createErrors(obj('v1', 'ConfigMap', { data: { 'ok.conf': 'x', 'bad key': 'y' } }))).toEqual([
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    expect(createErrors(obj('v1', 'ConfigMap', { data: { a: 'x' }, binaryData: { a: 'eA==' } }))).toEqual(['data[a]: Invalid value: "a": duplicate of key present in binaryData']);
  });

  it('limits the total size to 1 MiB', () => {
    expect(createErrors(obj('v1', 'ConfigMap', { data: { a: 'x'.repeat(1024 * 1024 + 1) } }))).toEqual([': Too long: may not be more than 1048576 bytes']);
  });

  it('immutable ConfigMaps keep their data', () => {
    const cm = obj('v1', 'ConfigMap', { data: { a: 'x' }, immutable: true });
    expect(updateErrors(cm, (next) => void (next.data = { a: 'y' }))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(updateErrors(cm, (next) => void (next.immutable = false))).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
  });

  it('typed Secrets need their keys; the type is immutable', () => {
    expect(createErrors(obj('v1', 'Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }))).toEqual(['data[tls.key]: Required value']);
    expect(createErrors(obj('v1', 'Secret', { stringData: { password: 'p' } }))).toEqual([]);
    expect(updateErrors(obj('v1', 'Secret', { data: {} }), (next) => void (next.type = 'kubernetes.io/basic-auth'))).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
      'data[username]: Required value',
      'data[password]: Required value',
    ]);
  });
});

describe('Namespace, Node, Lease', () => {
  it('Namespace names are DNS labels and cluster-scoped', () => {
    expect(createErrors(obj('v1', 'Namespace', {}, 'dev', null))).toEqual([]);
    expect(createErrors(obj('v1', 'Namespace', {}, 'dev.team', null))).toEqual(['metadata.name: Invalid value: "dev.team": must not contain dots']);
    expect(createErrors(obj('v1', 'Namespace', {}, 'dev', 'default'))).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });

  it('Node taints are reported under metadata.taints, as upstream does', () => {
    const taints = [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'Sometimes' }];
    expect(createErrors(obj('v1', 'Node', { spec: { taints } }, 'n1', null))).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      'metadata.taints[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it('Lease durations are positive', () => {
    expect(createErrors(obj('coordination.k8s.io/v1', 'Lease', { spec: { holderIdentity: 'n1', leaseDurationSeconds: 0 } }))).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    ]);
  });
});

describe('Endpoints', () => {
  it('validates addresses and ports, allowing mk loopback pod IPs', () => {
    const ep = (subsets: unknown[]) => obj('v1', 'Endpoints', { subsets });
    expect(createErrors(ep([{ addresses: [{ ip: '127.244.0.5' }], ports: [{ port: 80 }] }]))).toEqual([]);
    expect(createErrors(ep([{ ports: [{ port: 80 }] }]))).toEqual(['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']);
    expect(createErrors(ep([{ addresses: [{ ip: '169.254.1.1' }], ports: [{ port: 80 }, { port: 81 }] }]))).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'subsets[0].ports[0].name: Required value',
      'subsets[0].ports[1].name: Required value',
    ]);
  });
});

describe('PersistentVolumeClaim and PersistentVolume', () => {
  const pvc = (spec: Record<string, unknown>) => obj('v1', 'PersistentVolumeClaim', { spec });
  it('needs access modes and a storage request', () => {
    expect(createErrors(pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }))).toEqual([]);
    expect(createErrors(pvc({}))).toEqual(['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
    expect(createErrors(pvc({ accessModes: ['ReadWriteSometimes'], resources: { requests: { storage: '0' } } }))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ]);
  });

  it('the spec is immutable except growing the request', () => {
    const base = pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    expect(updateErrors(base, (next) => void ((next.spec as { resources: { requests: Record<string, string> } }).resources.requests.storage = '2Gi'))).toEqual([]);
    expect(updateErrors(base, (next) => void ((next.spec as { resources: { requests: Record<string, string> } }).resources.requests.storage = '500Mi'))).toEqual([
      'spec.resources.requests.storage: Forbidden: field can not be less than previous value',
    ]);
    const errs = updateErrors(base, (next) => void ((next.spec as Record<string, unknown>).accessModes = ['ReadWriteMany']));
    expect(errs[0].split('\n')[0]).toBe('spec: Forbidden: spec is immutable after creation except resources.requests for bound claims');
  });

  it('a PersistentVolume needs capacity and exactly one source', () => {
    const pv = (spec: Record<string, unknown>) => obj('v1', 'PersistentVolume', { spec }, 'pv1', null);
    expect(createErrors(pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } }))).toEqual([]);
    expect(createErrors(pv({ accessModes: ['ReadWriteOnce'] }))).toEqual([
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: core.ResourceList{}: supported values: "storage"',
      'spec: Required value: must specify a volume type',
    ]);
  });
});
