import { describe, expect, it } from 'vitest';
import type { KObject } from '../../registry/types';
import { createErrors, updateErrors } from '../test-support';

const ingress = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'default' }, spec });
const backend = { service: { name: 'web', port: { number: 80 } } };

describe('Ingress', () => {
  it('accepts rules with typed paths', () => {
    expect(createErrors(ingress({ ingressClassName: 'nginx', rules: [{ host: 'app.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['rules or backend', {}, ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']],
    ['pathType required', { rules: [{ http: { paths: [{ path: '/', backend }] } }] }, ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['pathType supported', { rules: [{ http: { paths: [{ path: '/', pathType: 'Regex', backend }] } }] }, [
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]],
    ['absolute paths', { rules: [{ http: { paths: [{ path: 'api', pathType: 'Prefix', backend }] } }] }, ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    ['paths required', { rules: [{ host: 'a.io', http: { paths: [] } }] }, ['spec.rules[0].http.paths: Required value']],
    ['host not an IP', { rules: [{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Exact', backend }] } }] }, [
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    ]],
    ['backend port', { defaultBackend: { service: { name: 'web', port: {} } } }, ['spec.defaultBackend: Required value: port name or number is required']],
  ])('%s', (_n, spec, want) => {
    expect(createErrors(ingress(spec))).toEqual(want);
  });
});

describe('IngressClass', () => {
  const ic = (controller: string): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller } });
  it('requires a domain-prefixed controller that never changes', () => {
    expect(createErrors(ic('k8s.io/ingress-nginx'))).toEqual([]);
    expect(createErrors(ic('nginx'))).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
    expect(updateErrors(ic('k8s.io/ingress-nginx'), (next) => void ((next.spec as Record<string, unknown>).controller = 'example.com/x'))).toEqual([
      'spec.controller: Invalid value: "example.com/x": field is immutable',
    ]);
  });
});

describe('HorizontalPodAutoscaler and PodDisruptionBudget', () => {
  const hpa = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' }, spec });
  const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

  it('checks replica bounds and the target', () => {
    expect(createErrors(hpa({ scaleTargetRef: target, maxReplicas: 5 }))).toEqual([]);
    expect(createErrors(hpa({ scaleTargetRef: { apiVersion: 'apps/v1' }, minReplicas: 0, maxReplicas: 0 }))).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.scaleTargetRef.kind: Required value',
      'spec.scaleTargetRef.name: Required value',
    ]);
    expect(createErrors(hpa({ scaleTargetRef: target, minReplicas: 3, maxReplicas: 2 }))).toEqual(['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']);
  });

  const pdb = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec });
  it('PDB takes minAvailable or maxUnavailable, not both', () => {
    expect(createErrors(pdb({ minAvailable: 1, selector: { matchLabels: { app: 'web' } } }))).toEqual([]);
    expect(createErrors(pdb({ minAvailable: '150%', selector: {} }))).toEqual([
      'spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ]);
    expect(createErrors(pdb({ minAvailable: 1, maxUnavailable: 1 }))[0]).toMatch(/^spec: Invalid value: policy\.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
  });
});

describe('Events', () => {
  const coreEvent = (rest: Record<string, unknown>, namespace = 'default'): KObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.17a', namespace }, ...rest });

  it('core/v1 Events must name their object in the same namespace', () => {
    expect(createErrors(coreEvent({ involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' }, reason: 'Started' }))).toEqual([]);
    expect(createErrors(coreEvent({ involvedObject: { kind: 'Pod', name: 'web', namespace: 'other' } }))).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
  });

  it('core/v1 Events with an eventTime need the reporting fields', () => {
    expect(createErrors(coreEvent({ involvedObject: { namespace: 'default' }, eventTime: '2024-01-01T00:00:00.000000Z' }))).toEqual([
      'reportingComponent: Required value',
      expect.stringMatching(/^reportingComponent: Invalid value: "": name part must be non-empty$/),
      expect.stringMatching(/^reportingComponent: Invalid value: "": name part must consist of/),
      'reportingInstance: Required value',
      'action: Required value',
      'reason: Required value',
    ]);
  });

  it('events.k8s.io Events are strict', () => {
    const ev: KObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.17a', namespace: 'default' },
      regarding: { kind: 'Pod', name: 'web', namespace: 'default' },
      eventTime: '2024-01-01T00:00:00.000000Z',
      reportingController: 'example.com/ctl',
      reportingInstance: 'ctl-1',
      action: 'Sync',
      reason: 'Synced',
      type: 'Normal',
    };
    expect(createErrors(ev)).toEqual([]);
    expect(createErrors({ ...ev, type: 'Info', deprecatedCount: 3 })).toEqual(['type: Invalid value: "": has invalid value: Info', 'count: Invalid value: "": needs to be unset']);
  });
});
