import { describe, it, expect } from 'vitest';
import { toKubectlYaml } from './emitter';
import { yamlKeyLess, sortYamlKeys } from './key-order';
import { resolvesToNonString } from './resolve';

describe('toKubectlYaml', () => {
  it('prints a watch event object as kubectl get -w -o yaml does (get_test.go)', () => {
    const event = {
      type: 'ADDED',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { creationTimestamp: null, name: 'bar', namespace: 'test', resourceVersion: '9' },
        spec: { containers: null, dnsPolicy: 'ClusterFirst', enableServiceLinks: true, restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30 },
        status: {},
      },
    };
    expect(toKubectlYaml(event)).toBe(
      [
        'object:',
        '  apiVersion: v1',
        '  kind: Pod',
        '  metadata:',
        '    creationTimestamp: null',
        '    name: bar',
        '    namespace: test',
        '    resourceVersion: "9"',
        '  spec:',
        '    containers: null',
        '    dnsPolicy: ClusterFirst',
        '    enableServiceLinks: true',
        '    restartPolicy: Always',
        '    securityContext: {}',
        '    terminationGracePeriodSeconds: 30',
        '  status: {}',
        'type: ADDED',
        '',
      ].join('\n'),
    );
  });

  it('keeps sequences at their key, quotes ambiguous strings, and uses | blocks', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' },
        creationTimestamp: '2024-01-01T00:00:00Z',
        labels: { app: 'web', enabled: 'true', tier: 'y' },
        name: 'web',
        uid: '0e7b5b1c-6c1a-4c8e-9d7e-2f8c1a7d3b4e',
      },
      spec: {
        containers: [{ args: ['sh', '-c', 'echo hi\nsleep 3600\n'], image: 'nginx:1.25', name: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }],
        nodeSelector: { '': '' },
      },
      items: [],
    };
    expect(toKubectlYaml(pod)).toBe(
      [
        'apiVersion: v1',
        'items: []',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        '    kubectl.kubernetes.io/last-applied-configuration: |',
        '      {"apiVersion":"v1","kind":"Pod"}',
        '  creationTimestamp: "2024-01-01T00:00:00Z"',
        '  labels:',
        '    app: web',
        '    enabled: "true"',
        '    tier: "y"',
        '  name: web',
        '  uid: 0e7b5b1c-6c1a-4c8e-9d7e-2f8c1a7d3b4e',
        'spec:',
        '  containers:',
        '  - args:',
        '    - sh',
        '    - -c',
        '    - |',
        '      echo hi',
        '      sleep 3600',
        '    image: nginx:1.25',
        '    name: nginx',
        '    ports:',
        '    - containerPort: 80',
        '      protocol: TCP',
        '    resources: {}',
        '  nodeSelector:',
        '    "": ""',
        '',
      ].join('\n'),
    );
  });

  it('single-quotes indicators, double-quotes specials, and picks block chomping', () => {
    expect(toKubectlYaml({ a: '*', b: 'x: y', c: 'tab\there', d: "it's", e: 'no newline\nend', f: ' lead\n', g: 'two\n\n', h: '- item' })).toBe(
      [
        "a: '*'",
        "b: 'x: y'",
        'c: "tab\\there"',
        "d: it's",
        'e: |-',
        '  no newline',
        '  end',
        'f: |2',
        '   lead',
        'g: |+',
        '  two',
        '',
        "h: '- item'",
        '',
      ].join('\n'),
    );
  });

  it('folds long scalars at the first space past column 80 (kubectl get crd -o yaml)', () => {
    const description =
      'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
    const doc = { a: { b: { c: { d: { e: { f: { description } } } } } } };
    expect(toKubectlYaml(doc).split('\n').slice(6, 9)).toEqual([
      "            description: 'APIVersion defines the versioned schema of this representation",
      '              of an object. Servers should convert recognized schemas to the latest',
      "              internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'",
    ]);
  });

  it('prints numbers as go-yaml does', () => {
    expect(toKubectlYaml({ i: 3, f: 0.5, big: 1234567.5, neg: -2 })).toBe('big: 1.2345675e+06\nf: 0.5\ni: 3\nneg: -2\n');
  });
});

describe('yamlKeyLess (go-yaml key order)', () => {
  it('orders digits numerically and non-letters before letters', () => {
    expect(sortYamlKeys(['a10', 'a2', 'b', 'A', '_x', 'a'])).toEqual(['_x', 'A', 'a', 'a2', 'a10', 'b']);
    expect(yamlKeyLess('app', 'app.kubernetes.io/name')).toBe(true);
    expect(yamlKeyLess('z', 'Z')).toBe(false);
  });
});

describe('resolvesToNonString', () => {
  it.each([
    ['80', true],
    ['0x1F', true],
    ['08', true],
    ['1e3', true],
    ['1_000', true],
    ['2024-01-01', true],
    ['2024-02-30', false],
    ['yes', true],
    ['On', true],
    ['~', true],
    ['', true],
    ['.5', true],
    ['-', false],
    ['1.2.3', false],
    ['nginx', false],
    ['1e400', false],
    ['12:30', false],
  ])('%s → %s', (s, want) => {
    expect(resolvesToNonString(s)).toBe(want);
  });
});
