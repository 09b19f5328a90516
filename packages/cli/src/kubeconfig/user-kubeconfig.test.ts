import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClusterKubeconfig, loadKubeconfig, readKubeconfigFile } from '@mk/client';
import { readMergeRecord } from './merge-record';
import { mergeClusterIntoKubeconfig, removeClusterFromKubeconfigs } from './user-kubeconfig';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mk-ukc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const EXISTING = `apiVersion: v1
kind: Config
current-context: other
clusters:
- name: other
  cluster:
    server: https://other.example:6443
contexts:
- name: other
  context:
    cluster: other
    user: other
users:
- name: other
  user:
    token: other-token
`;

describe('merging into a user kubeconfig', () => {
  it('merges, makes it current with mode 0600, records where, and removes only its own entries again', () => {
    const target = join(dir, 'config');
    writeFileSync(target, EXISTING);
    const record = join(dir, 'merged.json');
    const cluster = buildClusterKubeconfig({ clusterName: 'dev', server: 'http://127.0.0.1:4100', token: 'dev-token' });
    mergeClusterIntoKubeconfig({ target, cluster, entryName: 'mk-dev', makeCurrent: true, recordPath: record });
    mergeClusterIntoKubeconfig({ target, cluster, entryName: 'mk-dev', makeCurrent: true, recordPath: record });

    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(loadKubeconfig({ kubeconfig: target, env: {} })).toMatchObject({ server: 'http://127.0.0.1:4100', token: 'dev-token', source: { context: 'mk-dev' } });
    expect(loadKubeconfig({ kubeconfig: target, env: {}, context: 'other' })).toMatchObject({ server: 'https://other.example:6443', token: 'other-token' });
    expect(readMergeRecord(record)).toEqual({ files: [target], previousContext: 'other' });

    expect(removeClusterFromKubeconfigs([target, join(dir, 'absent')], 'mk-dev', 'other')).toEqual([target]);
    // serializing adds kubectl's empty preferences; everything else is as the user wrote it
    expect(readKubeconfigFile(target)).toEqual({ ...readKubeconfigFile(writeAndRead(EXISTING)), preferences: {} });
  });

  it('creates the file (and its folder) when there is none', () => {
    const target = join(dir, 'new', '.kube', 'config');
    const cluster = buildClusterKubeconfig({ clusterName: 'mk', server: 'http://127.0.0.1:1', token: 't' });
    mergeClusterIntoKubeconfig({ target, cluster, entryName: 'mk-mk', makeCurrent: true, recordPath: join(dir, 'r.json') });
    expect(readFileSync(target, 'utf8')).toContain('current-context: mk-mk');
    expect(removeClusterFromKubeconfigs([target], 'mk-mk')).toEqual([target]);
    expect(readKubeconfigFile(target)).toMatchObject({ 'current-context': '', clusters: [], users: [], contexts: [] });
  });

  it('refuses to overwrite a kubeconfig it cannot parse', () => {
    const target = join(dir, 'config');
    writeFileSync(target, 'clusters: [');
    const cluster = buildClusterKubeconfig({ clusterName: 'mk', server: 'http://127.0.0.1:1', token: 't' });
    expect(() => mergeClusterIntoKubeconfig({ target, cluster, entryName: 'mk-mk', makeCurrent: true, recordPath: join(dir, 'r.json') })).toThrow(/error loading config file/);
    expect(readFileSync(target, 'utf8')).toBe('clusters: [');
  });
});

function writeAndRead(text: string): string {
  const p = join(dir, 'expected');
  writeFileSync(p, text);
  return p;
}
