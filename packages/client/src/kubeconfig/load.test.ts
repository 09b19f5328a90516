import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKubeconfig } from './load';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mk-kc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const A = `apiVersion: v1
kind: Config
current-context: a
clusters:
- name: ca
  cluster: {server: http://127.0.0.1:1111}
- name: shared
  cluster: {server: http://from-a}
users:
- name: ua
  user: {token: token-a}
contexts:
- name: a
  context: {cluster: ca, user: ua, namespace: team-a}
- name: s
  context: {cluster: shared, user: ua}
`;

const B = `apiVersion: v1
kind: Config
current-context: b
clusters:
- name: cb
  cluster: {server: http://127.0.0.1:2222}
- name: shared
  cluster: {server: http://from-b}
users:
- name: ub
  user: {tokenFile: tok}
contexts:
- name: b
  context: {cluster: cb, user: ub}
`;

describe('loadKubeconfig', () => {
  it('uses ~/.kube/config when neither --kubeconfig nor $KUBECONFIG is set', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), A);
    const cfg = loadKubeconfig({ env: { HOME: home } });
    expect(cfg).toEqual({ server: 'http://127.0.0.1:1111', token: 'token-a', namespace: 'team-a', source: { kubeconfig: join(home, '.kube', 'config'), context: 'a' } });
  });

  it('merges $KUBECONFIG files: first file wins for names and current-context, missing files are skipped', () => {
    const a = file('a.yaml', A);
    const b = file('b.yaml', B);
    writeFileSync(join(dir, 'tok'), 'token-b\n');
    const env = { KUBECONFIG: [join(dir, 'missing.yaml'), b, a].join(':'), HOME: dir };
    const cur = loadKubeconfig({ env });
    expect(cur).toMatchObject({ server: 'http://127.0.0.1:2222', token: 'token-b', namespace: 'default', source: { kubeconfig: b, context: 'b' } });
    // context s lives in a.yaml, but cluster "shared" is taken from b.yaml, which comes first.
    expect(loadKubeconfig({ env, context: 's' }).server).toBe('http://from-b');
    expect(loadKubeconfig({ env: { ...env, KUBECONFIG: `${a}:${b}` }, context: 's' }).server).toBe('http://from-a');
  });

  it('--kubeconfig replaces $KUBECONFIG, and flags override the file', () => {
    const a = file('a.yaml', A);
    const cfg = loadKubeconfig({ kubeconfig: a, env: { KUBECONFIG: '/nope' }, server: 'http://127.0.0.1:9', token: 'flag', namespace: 'ns' });
    expect(cfg).toMatchObject({ server: 'http://127.0.0.1:9', token: 'flag', namespace: 'ns' });
  });

  it('works from --server alone with no file at all', () => {
    expect(loadKubeconfig({ env: { HOME: dir }, server: 'http://127.0.0.1:7' })).toMatchObject({ server: 'http://127.0.0.1:7', namespace: 'default' });
  });

  it('says what kubectl says when things are missing', () => {
    expect(() => loadKubeconfig({ kubeconfig: join(dir, 'nope'), env: {} })).toThrow(`stat ${join(dir, 'nope')}: no such file or directory`);
    expect(() => loadKubeconfig({ env: { HOME: dir } })).toThrow('no configuration has been provided, try setting KUBERNETES_MASTER environment variable');
    const a = file('a.yaml', A);
    let err: unknown;
    try {
      loadKubeconfig({ kubeconfig: a, env: {}, context: 'ghost' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ name: 'KubeconfigError', message: 'context was not found for specified context: ghost', invalidConfiguration: true });
    const bad = file('bad.yaml', 'garbage: [');
    expect(() => loadKubeconfig({ kubeconfig: bad, env: {} })).toThrow(new RegExp(`^error loading config file "${bad}": `));
    const noCluster = file('nc.yaml', 'current-context: x\ncontexts:\n- name: x\n  context: {cluster: gone}\n');
    expect(() => loadKubeconfig({ kubeconfig: noCluster, env: {} })).toThrow('cluster has no server defined');
  });

  it('reports an unreadable tokenFile', () => {
    const b = file('b.yaml', B);
    expect(() => loadKubeconfig({ kubeconfig: b, env: {} })).toThrow(`open ${join(dir, 'tok')}: no such file or directory`);
  });
});

describe('TLS settings', () => {
  it('reads certificate-authority-data, a relative certificate-authority file, and insecure-skip-tls-verify', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'ca.crt'), pem);
    const kc = file('tls.yaml', `current-context: data
clusters:
- name: data
  cluster: {server: "https://127.0.0.1:1", certificate-authority-data: ${Buffer.from(pem).toString('base64')}}
- name: file
  cluster: {server: "https://127.0.0.1:2", certificate-authority: ca.crt}
- name: skip
  cluster: {server: "https://127.0.0.1:3", insecure-skip-tls-verify: true}
contexts:
- {name: data, context: {cluster: data}}
- {name: file, context: {cluster: file}}
- {name: skip, context: {cluster: skip}}
`);
    expect(loadKubeconfig({ kubeconfig: kc, env: {} }).caData).toBe(pem);
    expect(loadKubeconfig({ kubeconfig: kc, env: {}, context: 'file' }).caData).toBe(pem);
    const skip = loadKubeconfig({ kubeconfig: kc, env: {}, context: 'skip' });
    expect(skip.insecureSkipTLSVerify).toBe(true);
    expect(skip.caData).toBeUndefined();
  });

  it('says which certificate-authority file is missing', () => {
    const kc = file('tls2.yaml', 'current-context: c\nclusters:\n- {name: c, cluster: {server: "https://127.0.0.1:1", certificate-authority: nope.crt}}\ncontexts:\n- {name: c, context: {cluster: c}}\n');
    expect(() => loadKubeconfig({ kubeconfig: kc, env: {} })).toThrow(`unable to read certificate-authority ${join(dir, 'nope.crt')} for "${kc}" due to open ${join(dir, 'nope.crt')}: no such file or directory`);
  });
});
