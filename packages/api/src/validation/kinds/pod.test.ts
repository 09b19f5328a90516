import { describe, expect, it } from 'vitest';
import type { KObject } from '../../registry/types';
import { findKind } from '../../registry';
import { invalidMessage } from '../messages';
import { validateObject } from '../validate-object';
import { createErrors, updateErrors } from '../test-support';

const pod = (spec: Record<string, unknown>, name = 'web'): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
const c = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx', ...extra });

describe('Pod create validation', () => {
  it('accepts a minimal pod', () => {
    expect(createErrors(pod({ containers: [c()] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['containers required', { containers: [] }, ['spec.containers: Required value']],
    ['container name required', { containers: [{ image: 'nginx' }] }, ['spec.containers[0].name: Required value']],
    ['image required', { containers: [{ name: 'web' }] }, ['spec.containers[0].image: Required value']],
    ['duplicate names', { containers: [c(), c()] }, ['spec.containers[1].name: Duplicate value: "web"']],
    ['container name is a DNS label', { containers: [c({ name: 'Web' })] }, [expect.stringMatching(/^spec\.containers\[0\]\.name: Invalid value: "Web": a lowercase RFC 1123 label/)]],
    [
      'port range',
      { containers: [c({ ports: [{ containerPort: 70000 }, { containerPort: 80, hostPort: -1 }] })] },
      [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
      ],
    ],
    ['containerPort required', { containers: [c({ ports: [{ name: 'http' }] })] }, ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'port protocol',
      { containers: [c({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] },
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'duplicate port names',
      { containers: [c({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] },
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'restartPolicy',
      { containers: [c()], restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'dnsPolicy',
      { containers: [c()], dnsPolicy: 'Google' },
      ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      'imagePullPolicy',
      { containers: [c({ imagePullPolicy: 'Sometimes' })] },
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    ['unknown volume mount', { containers: [c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }, ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    [
      'env name',
      { containers: [c({ env: [{ name: '' }, { name: 'A=B' }] })] },
      [
        'spec.containers[0].env[0].name: Required value',
        `spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ],
    ],
    [
      'requests above limits',
      { containers: [c({ resources: { requests: { cpu: '2' }, limits: { cpu: '500m' } } })] },
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 500m'],
    ],
    [
      'probe handler required',
      { containers: [c({ livenessProbe: { periodSeconds: 5 } })] },
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'liveness successThreshold',
      { containers: [c({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] },
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'tolerations',
      { containers: [c()], tolerations: [{ key: 'a', operator: 'Exists', value: 'x' }, { operator: 'Equal' }] },
      [
        'spec.tolerations[0].operator: Invalid value: core.Toleration{Key:"a", Operator:"Exists", Value:"x", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is \'Exists\'',
        'spec.tolerations[1].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      ],
    ],
    ['activeDeadlineSeconds', { containers: [c()], activeDeadlineSeconds: 0 }, ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(pod(spec))).toEqual(want);
  });

  it('renders the Invalid message kubectl shows', () => {
    const info = findKind('', 'v1', 'pods')!;
    const obj = pod({ containers: [{ name: 'web' }] }, 'web-3');
    info.prepareForCreate!(obj);
    expect(invalidMessage(info, 'web-3', validateObject(info, obj))).toBe('Pod "web-3" is invalid: spec.containers[0].image: Required value');
  });
});

describe('Pod update validation', () => {
  const base = pod({ containers: [c({ ports: [{ containerPort: 80 }] })] });
  type Spec = { containers: Array<Record<string, unknown>>; tolerations?: unknown[] };
  const spec = (o: KObject) => o.spec as Spec;

  it('allows image changes and added tolerations', () => {
    const errs = updateErrors(base, (next) => {
      spec(next).containers[0].image = 'nginx:1.27';
      spec(next).tolerations!.push({ key: 'k', operator: 'Exists', effect: 'NoSchedule' });
    });
    expect(errs).toEqual([]);
  });

  it('forbids other spec changes with upstream text', () => {
    const errs = updateErrors(base, (next) => {
      spec(next).containers[0].ports = [{ containerPort: 8080, protocol: 'TCP' }];
    });
    expect(errs).toHaveLength(1);
    expect(errs[0].split('\n')[0]).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(errs[0].split('\n').slice(1)).toEqual([
      '  core.PodSpec{',
      expect.stringMatching(/^- \tContainers: \[\{.*"containerPort":80,/),
      expect.stringMatching(/^\+ \tContainers: \[\{.*"containerPort":8080,/),
      '  }',
      '',
    ]);
  });

  it('tolerations may only be added', () => {
    const errs = updateErrors(base, (next) => {
      spec(next).tolerations = spec(next).tolerations!.slice(1);
    });
    // The admission plugin puts the default toleration back, so the update is accepted as upstream does.
    expect(errs).toEqual([]);
    const custom = pod({ containers: [c()], tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(updateErrors(custom, (next) => void (spec(next).tolerations = spec(next).tolerations!.slice(1)))).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]);
  });

  it('forbids adding containers and clearing images', () => {
    expect(updateErrors(base, (next) => void spec(next).containers.push(c({ name: 'side' })))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
    // Spec validation and the update rules both report a missing image, as upstream does.
    expect(updateErrors(base, (next) => void (spec(next).containers[0].image = ''))).toEqual([
      'spec.containers[0].image: Required value',
      'spec.containers[0].image: Required value',
    ]);
  });

  it('activeDeadlineSeconds may only shrink', () => {
    const withDeadline = pod({ containers: [c()], activeDeadlineSeconds: 100 });
    expect(updateErrors(withDeadline, (next) => void ((next.spec as Record<string, unknown>).activeDeadlineSeconds = 50))).toEqual([]);
    expect(updateErrors(withDeadline, (next) => void ((next.spec as Record<string, unknown>).activeDeadlineSeconds = 200))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value',
    ]);
  });
});
