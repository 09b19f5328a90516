import { describe, expect, it } from 'vitest';
import type { FieldError } from '../registry/types';
import { duplicate, forbidden, invalid, notFound, notSupported, required, tooLong } from './field-errors';
import { goLabelSelector, goIntOrString } from './go-value';
import { fieldErrorCause, fieldErrorMessage, invalidMessage, invalidStatus } from './messages';

const pod = { kind: 'Pod', group: '' };
const deployment = { kind: 'Deployment', group: 'apps' };

describe('fieldErrorMessage', () => {
  const cases: Array<[string, FieldError, string]> = [
    ['required', required('spec.containers[0].image'), 'spec.containers[0].image: Required value'],
    ['required with detail', required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    ['invalid string', invalid('metadata.name', 'Foo', 'bad'), 'metadata.name: Invalid value: "Foo": bad'],
    ['invalid number', invalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['invalid boolean', invalid('x', true, 'no'), 'x: Invalid value: true: no'],
    ['invalid nil', invalid('x', null, 'no'), 'x: Invalid value: null: no'],
    [
      'string map as Go prints it, keys sorted',
      invalid('spec.template.metadata.labels', { b: '2', app: 'x' }, '`selector` does not match template `labels`'),
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x", "b":"2"}: `selector` does not match template `labels`',
    ],
    ['string slice', invalid('spec.clusterIPs[0]', ['10.0.0.1'], 'may not change once set'), 'spec.clusterIPs[0]: Invalid value: []string{"10.0.0.1"}: may not change once set'],
    [
      'not supported',
      notSupported('spec.restartPolicy', 'X', ['Always', 'OnFailure', 'Never']),
      'spec.restartPolicy: Unsupported value: "X": supported values: "Always", "OnFailure", "Never"',
    ],
    ['duplicate', duplicate('spec.containers[1].name', 'web'), 'spec.containers[1].name: Duplicate value: "web"'],
    ['forbidden', forbidden('metadata.namespace', 'not allowed on this type'), 'metadata.namespace: Forbidden: not allowed on this type'],
    ['not found', notFound('spec.containers[0].volumeMounts[0].name', 'data'), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ['too long hides the value', tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    ['quotes escaped as Go does', invalid('f', 'a"b\n', 'x'), 'f: Invalid value: "a\\"b\\n": x'],
    [
      'label selector struct',
      invalid('spec.selector', goLabelSelector({ matchLabels: { app: 'nginx2' } }), 'field is immutable'),
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ],
    [
      'label selector with expressions',
      invalid('s', goLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] }), 'd'),
      's: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"a", Operator:"In", Values:[]string{"x"}}}}: d',
    ],
    ['int-or-string', invalid('m', goIntOrString('5x'), 'bad'), 'm: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5x"}: bad'],
  ];
  it.each(cases)('%s', (_name, e, want) => {
    expect(fieldErrorMessage(e)).toBe(want);
  });
});

describe('fieldErrorCause', () => {
  it('carries the type as reason and the body as message', () => {
    expect(fieldErrorCause(required('spec.containers[0].image'))).toEqual({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.containers[0].image',
    });
    expect(fieldErrorCause(notSupported('spec.type', 'Foo', ['ClusterIP']))).toEqual({
      reason: 'FieldValueNotSupported',
      message: 'Unsupported value: "Foo": supported values: "ClusterIP"',
      field: 'spec.type',
    });
  });
});

describe('invalidMessage', () => {
  it('names core kinds bare and one error without brackets', () => {
    expect(invalidMessage(pod, 'web-3', [required('spec.containers[0].image')])).toBe('Pod "web-3" is invalid: spec.containers[0].image: Required value');
  });
  it('qualifies kinds of named groups', () => {
    expect(invalidMessage(deployment, 'web', [required('spec.selector')])).toBe('Deployment.apps "web" is invalid: spec.selector: Required value');
  });
  it('joins several errors in brackets and drops duplicates', () => {
    const errs = [required('a'), invalid('b', 1, 'y'), required('a')];
    expect(invalidMessage(pod, 'p', errs)).toBe('Pod "p" is invalid: [a: Required value, b: Invalid value: 1: y]');
  });
  it('omits the colon when there are no errors', () => {
    expect(invalidMessage(pod, 'p', [])).toBe('Pod "p" is invalid');
  });
});

describe('invalidStatus', () => {
  it('builds the 422 Status kubectl prints', () => {
    expect(invalidStatus(deployment, 'web', [required('spec.selector')])).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Deployment.apps "web" is invalid: spec.selector: Required value',
      reason: 'Invalid',
      details: { name: 'web', group: 'apps', kind: 'Deployment', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' }] },
      code: 422,
    });
    expect(invalidStatus(pod, 'p', []).details).not.toHaveProperty('group');
  });
});
