import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { classifyPods, daemonSetKeys, drainErrors, drainWarnings, podsToDelete, type DaemonSetLookup, type DrainFilterOptions } from './pod-filters';

const now = new Date('2025-01-01T00:10:00Z');
const base: DrainFilterOptions = { force: false, ignoreDaemonSets: false, deleteEmptyDirData: false, skipWaitForDeleteTimeoutSeconds: 0 };

function pod(name: string, extra: { owner?: string; phase?: string; emptyDir?: boolean; mirror?: boolean; deletedAt?: string } = {}): Pod {
  const [kind, owner] = extra.owner?.split('/') ?? [];
  return {
    metadata: {
      name,
      namespace: 'default',
      ownerReferences: kind ? [{ apiVersion: 'apps/v1', kind: kind!, name: owner!, uid: 'u', controller: true }] : undefined,
      annotations: extra.mirror ? { 'kubernetes.io/config.mirror': 'x' } : undefined,
      deletionTimestamp: extra.deletedAt,
    },
    spec: { containers: [], volumes: extra.emptyDir ? [{ name: 'scratch', emptyDir: {} }] : [] },
    status: { phase: extra.phase ?? 'Running' },
  };
}

const found = new Map<string, DaemonSetLookup>([['default/agent', { found: true }]]);
const names = (pods: Pod[]) => pods.map((p) => p.metadata?.name);

describe('drain pod filters', () => {
  it('deletes controller-managed pods and refuses bare ones without --force', () => {
    const pods = [pod('web-1', { owner: 'ReplicaSet/web' }), pod('bare')];
    const verdicts = classifyPods(pods, base, new Map(), now);
    expect(names(podsToDelete(verdicts))).toEqual(['web-1']);
    expect(drainErrors(verdicts)).toEqual(['cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare']);
  });

  it('deletes bare pods with --force, with a warning', () => {
    const verdicts = classifyPods([pod('bare'), pod('bare2')], { ...base, force: true }, new Map(), now);
    expect(names(podsToDelete(verdicts))).toEqual(['bare', 'bare2']);
    expect(drainWarnings(verdicts)).toBe('deleting Pods that declare no controller: default/bare, default/bare2');
    expect(drainErrors(verdicts)).toEqual([]);
  });

  it('refuses DaemonSet pods unless --ignore-daemonsets, which skips them with a warning', () => {
    const ds = [pod('agent-x', { owner: 'DaemonSet/agent' })];
    expect(daemonSetKeys(ds)).toEqual(['default/agent']);
    expect(drainErrors(classifyPods(ds, base, found, now))).toEqual(['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x']);
    const ignored = classifyPods(ds, { ...base, ignoreDaemonSets: true }, found, now);
    expect(podsToDelete(ignored)).toEqual([]);
    expect(drainWarnings(ignored)).toBe('ignoring DaemonSet-managed Pods: default/agent-x');
  });

  it('removes orphans of a deleted DaemonSet only with --force', () => {
    const gone = new Map<string, DaemonSetLookup>([['default/agent', { found: false, notFound: true, message: 'daemonsets.apps "agent" not found' }]]);
    const ds = [pod('agent-x', { owner: 'DaemonSet/agent' })];
    expect(drainErrors(classifyPods(ds, base, gone, now))).toEqual(['cannot delete daemonsets.apps "agent" not found: default/agent-x']);
    expect(names(podsToDelete(classifyPods(ds, { ...base, force: true }, gone, now)))).toEqual(['agent-x']);
  });

  it('needs --delete-emptydir-data for pods with local storage, unless they finished', () => {
    const pods = [pod('cache-1', { owner: 'ReplicaSet/cache', emptyDir: true }), pod('done', { owner: 'ReplicaSet/cache', emptyDir: true, phase: 'Succeeded' })];
    const verdicts = classifyPods(pods, base, new Map(), now);
    expect(drainErrors(verdicts)).toEqual(['cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-1']);
    expect(names(podsToDelete(verdicts))).toEqual(['done']);
    expect(names(podsToDelete(classifyPods(pods, { ...base, deleteEmptyDirData: true }, new Map(), now)))).toEqual(['cache-1', 'done']);
  });

  it('skips mirror pods and pods deleting for longer than --skip-wait-for-delete-timeout', () => {
    const pods = [pod('static', { mirror: true }), pod('old', { owner: 'ReplicaSet/x', deletedAt: '2025-01-01T00:00:00Z' })];
    expect(podsToDelete(classifyPods(pods, { ...base, skipWaitForDeleteTimeoutSeconds: 60 }, new Map(), now))).toEqual([]);
    expect(names(podsToDelete(classifyPods(pods, base, new Map(), now)))).toEqual(['old']);
  });
});
