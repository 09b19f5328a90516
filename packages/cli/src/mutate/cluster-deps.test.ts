import { describe, expect, it } from 'vitest';
import type { DiscoveredResource } from '@mk/client';
import { clusterDeps, loadManifestFiles } from './cluster-deps';
import { FakeApiClient, STANDARD_RESOURCES } from './testing/fake-client';
import { fakeCli } from './testing/fake-context';

const POD = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"other"}}';

describe('clusterDeps', () => {
  it('takes the client, I/O and namespace rules from the context', async () => {
    const cli = fakeCli([], { namespace: 'team', namespaceExplicit: true });
    const deps = await clusterDeps(cli.ctx);
    expect(deps).toEqual({ client: cli.client, io: cli.ctx.io, namespace: 'team', namespaceExplicit: true });
  });
});

describe('loadManifestFiles', () => {
  it('reads stdin and rejects an object whose namespace contradicts an explicit -n', async () => {
    const cli = fakeCli([], { namespace: 'team', namespaceExplicit: true, stdin: POD });
    const loaded = await loadManifestFiles(await clusterDeps(cli.ctx), { filenames: ['-'], recursive: false });
    expect(loaded.infos).toEqual([]);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `the namespace from the provided object "other" does not match the namespace "team". You must pass '--namespace=other' to perform this operation.`,
    ]);
  });

  it("keeps the object's namespace when -n was not given", async () => {
    const cli = fakeCli([], { namespace: 'team', stdin: POD });
    const loaded = await loadManifestFiles(await clusterDeps(cli.ctx), { filenames: ['-'], recursive: false });
    expect(loaded.infos.map((i) => [i.resource.plural, i.name, i.namespace, i.source])).toEqual([['pods', 'p', 'other', 'STDIN']]);
  });

  it('maps against a discovery the command already made instead of asking the client', async () => {
    // The client serves nothing, so mapping can only succeed through the given resources.
    const client = new FakeApiClient([]);
    const cli = fakeCli([], { client, stdin: POD });
    const given: DiscoveredResource[] = STANDARD_RESOURCES.filter((r) => r.kind === 'Pod');
    const loaded = await loadManifestFiles(await clusterDeps(cli.ctx), { filenames: ['-'], recursive: false }, { resources: given });
    expect(loaded.errors).toEqual([]);
    expect(loaded.infos.map((i) => i.resource)).toEqual(given);
  });

  it('checks apiVersion and kind before mapping only when asked to validate', async () => {
    const bad = '{"kind":"Pod","metadata":{"name":"p"}}';
    const strict = await loadManifestFiles(await clusterDeps(fakeCli([], { stdin: bad }).ctx), { filenames: ['-'], recursive: false }, { validate: true });
    expect(strict.errors.map((e) => e.message)).toEqual([
      'error validating "STDIN": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    const lax = await loadManifestFiles(await clusterDeps(fakeCli([], { stdin: bad }).ctx), { filenames: ['-'], recursive: false });
    expect(lax.errors).toEqual([]);
    expect(lax.infos.map((i) => i.name)).toEqual(['p']);
  });
});
