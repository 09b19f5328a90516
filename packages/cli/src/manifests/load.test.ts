import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiscoverOptions } from '@mk/client';
import { STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { loadManifests } from './load';

describe('loadManifests', () => {
  it('maps every object, collecting per-object errors without stopping', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mk-load-'));
    const file = path.join(dir, 'app.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web',
        'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old',
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team',
      ].join('\n---\n'),
    );
    const loaded = await loadManifests(
      { filenames: [file], recursive: false },
      { readStdin: async () => '', discover: async () => STANDARD_RESOURCES, namespace: { namespace: 'default', enforce: false } },
    );
    expect(loaded.infos.map((i) => [i.resource.plural, i.name, i.namespace, i.source])).toEqual([
      ['deployments', 'web', 'default', file],
      ['namespaces', 'team', '', file],
    ]);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]!.message).toContain('no matches for kind "Deployment" in version "extensions/v1beta1"');
  });

  it('reads standard input', async () => {
    const loaded = await loadManifests(
      { filenames: ['-'], recursive: false },
      { readStdin: async () => '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}', discover: async () => STANDARD_RESOURCES, namespace: { namespace: 'ns', enforce: false } },
    );
    expect(loaded.infos[0]).toMatchObject({ source: 'STDIN', name: 'p', namespace: 'ns' });
  });

  it('asks for live discovery once when a kind is missing from the cached one', async () => {
    const gizmos = { group: 'toys.example.com', version: 'v1', plural: 'gizmos', singular: 'gizmo', kind: 'Gizmo', namespaced: true, shortNames: [], categories: [], verbs: ['create'], subresources: [] };
    const asked: DiscoverOptions[] = [];
    const discover = async (opts: DiscoverOptions = {}) => {
      asked.push(opts);
      return opts.fresh ? [...STANDARD_RESOURCES, gizmos] : STANDARD_RESOURCES;
    };
    const loaded = await loadManifests(
      { filenames: ['-'], recursive: false },
      {
        readStdin: async () => 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\napiVersion: toys.example.com/v1\nkind: Gizmo\nmetadata: {name: g}\n',
        discover,
        namespace: { namespace: 'ns', enforce: false },
      },
    );
    expect(loaded.errors).toEqual([]);
    expect(loaded.infos.map((i) => i.resource.kind)).toEqual(['Pod', 'Gizmo']);
    expect(asked.filter((o) => o.fresh)).toHaveLength(1);
  });
});
