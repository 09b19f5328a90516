import { describe, expect, it } from 'vitest';
import {
  goQuote,
  strictDecodingBadRequestMessage,
  strictDecodingErrors,
  strictDecodingMessage,
  unknownFields,
} from './unknown-fields';

const deployment = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata,
  spec,
});

describe('unknownFields', () => {
  it('accepts a complete valid object', () => {
    const obj = deployment({
      replicas: 2,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' }, annotations: { 'a/b': 'c' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
              resources: { limits: { cpu: '500m', memory: 1073741824 }, requests: { cpu: 1 } },
              livenessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
            },
          ],
          volumes: [{ name: 'v', configMap: { name: 'cm', items: [{ key: 'a', path: 'b' }] } }],
        },
      },
    });
    expect(unknownFields('apps', 'v1', 'Deployment', obj)).toEqual([]);
  });

  it('reports unknown fields at every depth, through lists, in document order', () => {
    const obj = deployment(
      {
        foo: 1,
        template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', imagee: 'y', ports: [{ containerPort: 1, hostt: 2 }] }] } },
      },
      { name: 'web', labelz: { a: 'b' } },
    );
    expect(unknownFields('apps', 'v1', 'Deployment', obj)).toEqual([
      'metadata.labelz',
      'spec.foo',
      'spec.template.spec.containers[1].imagee',
      'spec.template.spec.containers[1].ports[0].hostt',
    ]);
  });

  it('ignores apiVersion and kind but reports other top-level fields', () => {
    expect(unknownFields('', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' }, extra: 1 })).toEqual(['extra']);
  });

  it('does not descend into maps of strings or quantities, whatever their keys', () => {
    const pod = {
      metadata: { labels: { anything: 'x' }, annotations: { 'spec.foo': 'y' } },
      spec: { nodeSelector: { zone: 'a' }, containers: [{ name: 'a', resources: { limits: { 'example.com/gpu': 1 } } }] },
    };
    expect(unknownFields('', 'v1', 'Pod', pod)).toEqual([]);
  });

  it('treats int-or-string, quantity and time values as opaque, even when given as objects', () => {
    const obj = deployment({
      strategy: { rollingUpdate: { maxSurge: { bogus: 1 } } },
      template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'a', resources: { limits: { cpu: { x: 1 } } } }] } },
    });
    expect(unknownFields('apps', 'v1', 'Deployment', obj)).toEqual([]);
  });

  it('accepts anything inside free-form fields (RawExtension, FieldsV1)', () => {
    const revision = { apiVersion: 'apps/v1', kind: 'ControllerRevision', revision: 1, data: { spec: { anything: { at: ['all'] } } } };
    expect(unknownFields('apps', 'v1', 'ControllerRevision', revision)).toEqual([]);
    const managed = { metadata: { managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { 'f:x': {} } }, bogus: 1 }] } };
    expect(unknownFields('', 'v1', 'Pod', managed)).toEqual(['metadata.managedFields[0].bogus']);
  });

  it('tells core and events.k8s.io Events apart', () => {
    const core = { involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Started', note: 'x' };
    expect(unknownFields('', 'v1', 'Event', core)).toEqual(['note']);
    expect(unknownFields('events.k8s.io', 'v1', 'Event', core)).toEqual(['involvedObject']);
  });

  it('skips values of the wrong type instead of guessing (type errors are not unknown fields)', () => {
    expect(unknownFields('apps', 'v1', 'Deployment', deployment({ template: 'x', selector: [1, 2] }))).toEqual([]);
  });

  it('does not report prototype names as known fields', () => {
    expect(unknownFields('', 'v1', 'ConfigMap', JSON.parse('{"constructor":1,"toString":2,"__proto__":{"x":1}}'))).toEqual([
      'constructor',
      'toString',
      '__proto__',
    ]);
  });

  it('returns nothing for kinds it has no schema for, and for non-objects', () => {
    expect(unknownFields('example.com', 'v1', 'Widget', { spec: { x: 1 } })).toEqual([]);
    expect(unknownFields('', 'v1', 'Pod', null)).toEqual([]);
  });

  it('stops at 100 errors like the upstream decoder', () => {
    const data = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, i]));
    const found = unknownFields('', 'v1', 'ConfigMap', data);
    expect(found).toHaveLength(100);
    expect(found[99]).toBe('f99');
  });
});

describe('strict decoding messages', () => {
  it('joins unknown fields the way apimachinery does', () => {
    expect(strictDecodingMessage(['spec.foo', 'spec.bar'])).toBe('strict decoding error: unknown field "spec.foo", unknown field "spec.bar"');
    expect(strictDecodingErrors(['metadata.labelz'])).toEqual(['unknown field "metadata.labelz"']);
  });

  it('words the create/update BadRequest like the API server', () => {
    expect(strictDecodingBadRequestMessage('Pod', 'v1', ['spec.containers[0].imagee'])).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });

  it('quotes like Go strconv.Quote', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('x\ny\t\u0001\u007f')).toBe('"x\\ny\\t\\x01\\x7f"');
    expect(goQuote('日本')).toBe('"日本"');
  });
});
