import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../registry/types';
import { fieldErrorMessage } from './messages';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const create = (meta: ObjectMeta, namespaced = true, nameFormat?: 'dns1123-label' | 'dns1035-label' | 'path-segment') =>
  validateObjectMeta(meta, { namespaced, nameFormat, isCreate: true }).map(fieldErrorMessage);

describe('validateObjectMeta on create', () => {
  it('accepts a plain namespaced object', () => {
    expect(create({ name: 'web', namespace: 'default', labels: { app: 'web' } })).toEqual([]);
  });

  it.each<[string, ObjectMeta, boolean, string[]]>([
    ['name required', { namespace: 'default' }, true, ['metadata.name: Required value: name or generateName is required']],
    ['subdomain message', { name: 'Foo', namespace: 'default' }, true, [`metadata.name: Invalid value: "Foo": ${SUBDOMAIN_MSG}`]],
    ['namespace required', { name: 'a' }, true, ['metadata.namespace: Required value']],
    ['namespace forbidden when cluster-scoped', { name: 'a', namespace: 'default' }, false, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['negative generation', { name: 'a', namespace: 'd', generation: -1 }, true, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    ['generateName prefix may end with a dash', { generateName: 'web-', name: 'web-abcde', namespace: 'd' }, true, []],
  ])('%s', (_n, meta, namespaced, want) => {
    expect(create(meta, namespaced)).toEqual(want);
  });

  it('uses the kind name format', () => {
    expect(create({ name: 'a.b' }, false, 'dns1123-label')).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
    expect(create({ name: 'ev.17a%' , namespace: 'd'}, true, 'path-segment')).toEqual(["metadata.name: Invalid value: \"ev.17a%\": may not contain '%'"]);
  });

  it('checks label keys and values at metadata.labels', () => {
    expect(create({ name: 'a', namespace: 'd', labels: { 'bad key': 'ok', app: 'bad value!' } })).toEqual([
      expect.stringMatching(/^metadata\.labels: Invalid value: "bad key": name part must consist of/),
      expect.stringMatching(/^metadata\.labels: Invalid value: "bad value!": a valid label must be an empty string/),
    ]);
  });

  it('limits annotations to 256 KiB in total', () => {
    const big = { 'a.io/x': 'x'.repeat(256 * 1024) };
    expect(create({ name: 'a', namespace: 'd', annotations: big })).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });

  it('checks owner references', () => {
    expect(create({ name: 'a', namespace: 'd', ownerReferences: [{ apiVersion: '', kind: 'ReplicaSet', name: '', uid: 'u' }] })).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
    ]);
    const two = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
    ];
    expect(create({ name: 'a', namespace: 'd', ownerReferences: two })[0]).toMatch(
      /^metadata\.ownerReferences: Invalid value: \[\]v1\.OwnerReference\{v1\.OwnerReference\{APIVersion:"apps\/v1".*: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/,
    );
  });

  it('checks finalizer names', () => {
    expect(create({ name: 'a', namespace: 'd', finalizers: ['kubernetes', 'example.com/x', 'custom'] })).toEqual([
      'metadata.finalizers[2]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(create({ name: 'a', namespace: 'd', finalizers: ['orphan', 'foregroundDeletion'] })).toEqual([
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });

  it('skips name and namespace checks on update', () => {
    expect(validateObjectMeta({ name: 'Bad' }, { namespaced: true, isCreate: false })).toEqual([]);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = { name: 'a', namespace: 'd', uid: 'u1', resourceVersion: '5', generation: 2, creationTimestamp: '2024-01-02T03:04:05Z' };
  it('accepts an unchanged object', () => {
    expect(validateObjectMetaUpdate({ ...old }, old)).toEqual([]);
  });
  it('reports immutable fields and decremented generation', () => {
    const next: ObjectMeta = { ...old, name: 'b', uid: 'u2', generation: 1, creationTimestamp: '2025-01-01T00:00:00Z' };
    expect(validateObjectMetaUpdate(next, old).map(fieldErrorMessage)).toEqual([
      'metadata.generation: Invalid value: 1: must not be decremented',
      'metadata.name: Invalid value: "b": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
      'metadata.creationTimestamp: Invalid value: 2025-01-01 00:00:00 +0000 UTC: field is immutable',
    ]);
  });
  it('requires a resourceVersion and forbids new finalizers while deleting', () => {
    const deleting = { ...old, deletionTimestamp: '2024-01-03T00:00:00Z', finalizers: ['a.io/x'] };
    const next = { ...deleting, resourceVersion: '', finalizers: ['a.io/x', 'b.io/y'] };
    expect(validateObjectMetaUpdate(next, deleting).map(fieldErrorMessage)).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    ]);
  });
});
