import { describe, expect, it } from 'vitest';
import type { KObject } from '../../registry/types';
import { createErrors, updateErrors } from '../test-support';

const template = (labels: Record<string, string> | null = { app: 'web' }, spec: Record<string, unknown> = {}) => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
});

const workload = (kind: string, spec: Record<string, unknown>, name = 'web'): KObject => ({
  apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

const MISMATCH = 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`';

describe('Deployment validation', () => {
  const ok = { selector: { matchLabels: { app: 'web' } }, template: template() };

  it('accepts a matching selector', () => {
    expect(createErrors(workload('Deployment', ok))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, unknown[]]>([
    ['selector required (and then nothing matches)', { template: template() }, ['spec.selector: Required value', MISMATCH]],
    ['selector must match the template', { selector: { matchLabels: { app: 'other' } }, template: template() }, [MISMATCH]],
    [
      'empty selector',
      { selector: {}, template: template() },
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ],
    ['negative replicas', { ...ok, replicas: -1 }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'restartPolicy must be Always',
      { ...ok, template: template({ app: 'web' }, { restartPolicy: 'Never' }) },
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'unknown strategy type',
      { ...ok, strategy: { type: 'BlueGreen' } },
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      'Recreate with rollingUpdate',
      { ...ok, strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'both zero',
      { ...ok, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'bad percent',
      { ...ok, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '120%', maxUnavailable: 'x%' } } },
      [
        expect.stringMatching(/^spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: intstr\.IntOrString\{Type:1, IntVal:0, StrVal:"x%"\}: a valid percent string must be a numeric string followed by an ending '%'/),
      ],
    ],
    [
      'progress deadline',
      { ...ok, minReadySeconds: 600 },
      ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
    ],
    ['template labels are validated', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', 'bad key': 'x' }) }, [expect.stringMatching(/^spec\.template\.labels: Invalid value: "bad key"/)]],
    ['template pod spec is validated', { ...ok, template: template({ app: 'web' }, { containers: [] }) }, ['spec.template.spec.containers: Required value']],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(workload('Deployment', spec))).toEqual(want);
  });

  it('the selector is immutable', () => {
    const errs = updateErrors(workload('Deployment', ok), (next) => {
      (next.spec as Record<string, unknown>).selector = { matchLabels: { app: 'nginx2' } };
      ((next.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = { app: 'nginx2' });
    });
    expect(errs).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('other fields may change', () => {
    expect(updateErrors(workload('Deployment', ok), (next) => void ((next.spec as Record<string, unknown>).replicas = 5))).toEqual([]);
  });
});

describe('ReplicaSet and ReplicationController validation', () => {
  it('ReplicaSet reports the same selector rules', () => {
    expect(createErrors(workload('ReplicaSet', { template: template() }))).toEqual(['spec.selector: Required value', MISMATCH]);
    expect(createErrors(workload('ReplicaSet', { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }, { activeDeadlineSeconds: 5 }) }))).toEqual([
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]);
  });

  it('a ReplicationController takes its selector from the template', () => {
    expect(createErrors(workload('ReplicationController', { template: template() }))).toEqual([]);
    expect(createErrors(workload('ReplicationController', { template: template(null) }))).toEqual(['spec.selector: Required value']);
  });
});

describe('StatefulSet validation', () => {
  const ok = { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: template() };

  it('accepts a valid set', () => {
    expect(createErrors(workload('StatefulSet', ok))).toEqual([]);
  });

  it('names are DNS labels', () => {
    expect(createErrors(workload('StatefulSet', ok, 'web.v1'))).toEqual(['metadata.name: Invalid value: "web.v1": must not contain dots']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['podManagementPolicy', { ...ok, podManagementPolicy: 'Fast' }, ['spec.podManagementPolicy: Invalid value: "Fast": must be \'OrderedReady\' or \'Parallel\'']],
    [
      'empty selector',
      { ...ok, selector: {} },
      ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset'],
    ],
    ['mismatch', { ...ok, selector: { matchLabels: { app: 'x' } } }, [MISMATCH]],
    ['retention policy', { ...ok, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } }, ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"']],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(workload('StatefulSet', spec))).toEqual(want);
  });

  it('only some fields may change', () => {
    const sts = workload('StatefulSet', ok);
    expect(updateErrors(sts, (next) => void ((next.spec as Record<string, unknown>).replicas = 3))).toEqual([]);
    expect(updateErrors(sts, (next) => void ((next.spec as Record<string, unknown>).serviceName = 'other'))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});

describe('DaemonSet validation', () => {
  it('a missing selector only reports the template mismatch', () => {
    expect(createErrors(workload('DaemonSet', { template: template() }))).toEqual([MISMATCH]);
  });

  it('rolling update needs exactly one of maxSurge and maxUnavailable', () => {
    const spec = { selector: { matchLabels: { app: 'web' } }, template: template(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } };
    expect(createErrors(workload('DaemonSet', spec))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    ]);
  });

  it('unknown update strategy', () => {
    const spec = { selector: { matchLabels: { app: 'web' } }, template: template(), updateStrategy: { type: 'Surge' } };
    expect(createErrors(workload('DaemonSet', spec))).toEqual([
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Surge", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ]);
  });
});

describe('ControllerRevision validation', () => {
  const cr: KObject = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'web-1', namespace: 'default' }, data: { spec: {} }, revision: 1 };
  it('requires data and keeps it', () => {
    expect(createErrors({ ...cr, data: undefined })).toEqual(['data: Required value: data is mandatory']);
    expect(updateErrors(cr, (next) => void (next.data = { spec: { x: 1 } }))).toEqual(['data: Invalid value: runtime.RawExtension{"spec":{"x":1}}: field is immutable']);
  });
});
