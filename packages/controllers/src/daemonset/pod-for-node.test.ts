import { describe, expect, it } from 'vitest';
import { daemonPodForNode, daemonPodTemplate, isPodUpdated, replaceNodeNameAffinity, targetNodeName } from './pod-for-node';
import { daemonPod, daemonSet } from './fixtures';

const onNode = (name: string) => ({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [name] }] }] });

describe('daemonPodForNode', () => {
  it('builds the pod from the template with the revision labels, tolerations, controller reference and node affinity', () => {
    const ds = daemonSet({ annotations: { 'deprecated.daemonset.template.generation': '3' } });
    const pod = daemonPodForNode(ds, daemonPodTemplate(ds, 'abc12'), 'w1');
    expect(pod.metadata).toEqual({
      generateName: 'agent-',
      namespace: 'default',
      labels: { app: 'agent', 'pod-template-generation': '3', 'controller-revision-hash': 'abc12' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'uid-agent', controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.spec?.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: onNode('w1') } });
    expect(pod.spec?.tolerations).toHaveLength(6);
    expect(pod.spec?.nodeName).toBeUndefined();
  });

  it('leaves pod-template-generation out without the generation annotation', () => {
    expect(daemonPodTemplate(daemonSet(), 'abc12').metadata?.labels).toEqual({ app: 'agent', 'controller-revision-hash': 'abc12' });
  });
});

describe('replaceNodeNameAffinity', () => {
  it('replaces the required terms, keeping the rest of the affinity', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['old'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } }],
      },
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] },
    };
    expect(replaceNodeNameAffinity(affinity, 'w2')).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: onNode('w2'), preferredDuringSchedulingIgnoredDuringExecution: affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution },
      podAntiAffinity: affinity.podAntiAffinity,
    });
    expect(affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toHaveLength(2);
  });
});

describe('targetNodeName and isPodUpdated', () => {
  it('names the bound node, else the node of the affinity', () => {
    expect(targetNodeName(daemonPod('a', 'w1'))).toBe('w1');
    expect(targetNodeName(daemonPod('a', 'w2', { bound: false }))).toBe('w2');
    expect(targetNodeName({ spec: { containers: [] } })).toBeUndefined();
  });

  it('counts a pod as updated by hash or by template generation', () => {
    expect(isPodUpdated(daemonPod('a', 'w1', { hash: 'h2' }), 'h2', undefined)).toBe(true);
    expect(isPodUpdated(daemonPod('a', 'w1', { hash: 'h1' }), 'h2', undefined)).toBe(false);
    const old = { ...daemonPod('a', 'w1', { hash: 'h1' }) };
    const withGeneration = { ...old, metadata: { ...old.metadata, labels: { ...old.metadata!.labels, 'pod-template-generation': '2' } } };
    expect(isPodUpdated(withGeneration, 'h2', '2')).toBe(true);
    expect(isPodUpdated(withGeneration, 'h2', '3')).toBe(false);
  });
});
