import { describe, expect, it } from 'vitest';
import { buildClusterKubeconfig, type KubeconfigDoc } from '@mk/client';
import { removeClusterEntry, upsertClusterEntry } from './cluster-entry';

const ours = buildClusterKubeconfig({ clusterName: 'mk', server: 'http://127.0.0.1:4000', token: 'tok' });
const user: KubeconfigDoc = {
  apiVersion: 'v1',
  kind: 'Config',
  'current-context': 'prod',
  clusters: [{ name: 'prod', cluster: { server: 'https://prod', 'certificate-authority-data': 'Q0E=' } }],
  users: [{ name: 'admin', user: { token: 'secret', exec: { command: 'x' } } }],
  contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'admin', namespace: 'web' } }],
  preferences: { colors: true },
};

describe('upsertClusterEntry', () => {
  it('adds cluster, user and context mk-<name>, keeps everything else, and makes it current', () => {
    const { doc, previousContext } = upsertClusterEntry(user, ours, 'mk-mk', true);
    expect(previousContext).toBe('prod');
    expect(doc['current-context']).toBe('mk-mk');
    expect(doc.clusters).toEqual([...user.clusters!, { name: 'mk-mk', cluster: { server: 'http://127.0.0.1:4000' } }]);
    expect(doc.users).toEqual([...user.users!, { name: 'mk-mk', user: { token: 'tok' } }]);
    expect(doc.contexts).toEqual([...user.contexts!, { name: 'mk-mk', context: { cluster: 'mk-mk', user: 'mk-mk', namespace: 'default' } }]);
    expect(doc.preferences).toEqual({ colors: true });
  });

  it('replaces its own entries in place when run again, without duplicates', () => {
    const once = upsertClusterEntry(user, ours, 'mk-mk', true).doc;
    const moved = buildClusterKubeconfig({ clusterName: 'mk', server: 'http://127.0.0.1:5000', token: 'tok2' });
    const { doc, previousContext } = upsertClusterEntry(once, moved, 'mk-mk', true);
    expect(previousContext).toBe('mk-mk');
    expect(doc.clusters!.filter((c) => c.name === 'mk-mk')).toEqual([{ name: 'mk-mk', cluster: { server: 'http://127.0.0.1:5000' } }]);
    expect(doc.users!.find((u) => u.name === 'mk-mk')!.user).toEqual({ token: 'tok2' });
  });

  it('leaves current-context alone when not asked, and starts an empty file', () => {
    expect(upsertClusterEntry(user, ours, 'mk-mk', false).doc['current-context']).toBe('prod');
    const { doc, previousContext } = upsertClusterEntry({}, ours, 'mk-mk', true);
    expect(previousContext).toBeUndefined();
    expect(doc).toMatchObject({ apiVersion: 'v1', kind: 'Config', 'current-context': 'mk-mk' });
  });
});

describe('removeClusterEntry', () => {
  const merged = upsertClusterEntry(user, ours, 'mk-mk', true).doc;

  it('removes only its own entries and restores the previous context', () => {
    const { doc, removed } = removeClusterEntry(merged, 'mk-mk', 'prod');
    expect(removed).toBe(true);
    expect(doc.clusters).toEqual(user.clusters);
    expect(doc.users).toEqual(user.users);
    expect(doc.contexts).toEqual(user.contexts);
    expect(doc['current-context']).toBe('prod');
  });

  it('clears current-context when the previous one is gone or unknown', () => {
    expect(removeClusterEntry(merged, 'mk-mk', 'deleted-meanwhile').doc['current-context']).toBe('');
    expect(removeClusterEntry(merged, 'mk-mk').doc['current-context']).toBe('');
  });

  it('keeps a current-context the user switched to since', () => {
    const { doc } = removeClusterEntry({ ...merged, 'current-context': 'prod' }, 'mk-mk', 'whatever');
    expect(doc['current-context']).toBe('prod');
  });

  it('reports when there was nothing to remove', () => {
    expect(removeClusterEntry(user, 'mk-mk').removed).toBe(false);
  });
});
