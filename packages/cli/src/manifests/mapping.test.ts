import { describe, expect, it } from 'vitest';
import { STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { mapManifest, settleNamespace, splitApiVersion } from './mapping';

const doc = (object: Record<string, unknown>, source = 'x.yaml') => ({ object, source });
const deployments = STANDARD_RESOURCES.find((r) => r.plural === 'deployments')!;
const namespaces = STANDARD_RESOURCES.find((r) => r.plural === 'namespaces')!;

describe('mapManifest', () => {
  it('finds the served type by group, version and kind', () => {
    expect(mapManifest(doc({ apiVersion: 'apps/v1', kind: 'Deployment' }), STANDARD_RESOURCES)).toBe(deployments);
    expect(splitApiVersion('v1')).toEqual({ group: '', version: 'v1' });
  });

  it("fails like kubectl 1.32 for a removed version, adding mk's hint line", () => {
    const err = mapManifest(doc({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'web' } }), STANDARD_RESOURCES);
    expect((err as Error).message).toBe(
      'resource mapping not found for name: "web" namespace: "" from "x.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\n' +
        'ensure CRDs are installed first\n' +
        'hint: Deployment is served as apps/v1 since Kubernetes 1.16; change apiVersion to apps/v1',
    );
  });

  it('has no hint for kinds that were never served', () => {
    const err = mapManifest(doc({ apiVersion: 'example.com/v2', kind: 'Gadget', metadata: { name: 'g', namespace: 'ns1' } }), STANDARD_RESOURCES);
    expect((err as Error).message).toBe(
      'resource mapping not found for name: "g" namespace: "ns1" from "x.yaml": no matches for kind "Gadget" in version "example.com/v2"\nensure CRDs are installed first',
    );
  });
});

describe('settleNamespace', () => {
  it('defaults a namespaced object to the context namespace', () => {
    const info = settleNamespace(doc({ kind: 'Deployment', metadata: { name: 'web' } }), deployments, { namespace: 'dev', enforce: false });
    expect(info).toMatchObject({ name: 'web', namespace: 'dev', object: { metadata: { name: 'web', namespace: 'dev' } } });
  });

  it("keeps the manifest's namespace over the default", () => {
    const info = settleNamespace(doc({ kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' } }), deployments, { namespace: 'dev', enforce: false });
    expect(info).toMatchObject({ namespace: 'prod' });
  });

  it('rejects a different namespace when -n was given, with kubectl\'s message', () => {
    const err = settleNamespace(doc({ kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' } }), deployments, { namespace: 'dev', enforce: true });
    expect((err as Error).message).toBe(
      `the namespace from the provided object "prod" does not match the namespace "dev". You must pass '--namespace=prod' to perform this operation.`,
    );
  });

  it('drops the namespace of cluster-scoped objects', () => {
    const info = settleNamespace(doc({ kind: 'Namespace', metadata: { name: 'x', namespace: 'dev' } }), namespaces, { namespace: 'dev', enforce: true });
    expect(info).toMatchObject({ namespace: '', object: { metadata: { name: 'x' } } });
    expect((info as { object: { metadata: object } }).object.metadata).not.toHaveProperty('namespace');
  });
});
