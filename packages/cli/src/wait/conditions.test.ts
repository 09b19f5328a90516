import type { KObject } from '@mk/api';
import { describe, expect, it } from 'vitest';
import { JsonPathTemplate } from '../printers/jsonpath/template';
import { conditionMet, equalFold, jsonPathMet } from './conditions';

function deployment(conditions: unknown[], generation?: number, observedGeneration?: number): KObject {
  return { kind: 'Deployment', metadata: { name: 'web', ...(generation === undefined ? {} : { generation }) }, status: { ...(observedGeneration === undefined ? {} : { observedGeneration }), conditions } };
}

const path = (expr: string) => new JsonPathTemplate(expr, { allowMissingKeys: true });

describe('equalFold', () => {
  it('compares case-insensitively', () => {
    expect(equalFold('Available', 'available')).toBe(true);
    expect(equalFold('True', 'TRUE')).toBe(true);
    expect(equalFold('True', 'Tru')).toBe(false);
  });
});

describe('conditionMet', () => {
  it('matches the condition type and status without regard to case', () => {
    const d = deployment([{ type: 'Progressing', status: 'True' }, { type: 'Available', status: 'True' }]);
    expect(conditionMet(d, 'available', 'true')).toBe(true);
    expect(conditionMet(d, 'Available', 'false')).toBe(false);
  });

  it('waits for other values such as Ready=false', () => {
    expect(conditionMet(deployment([{ type: 'Ready', status: 'False' }]), 'Ready', 'false')).toBe(true);
  });

  it('is false without the condition or without conditions', () => {
    expect(conditionMet(deployment([{ type: 'Progressing', status: 'True' }]), 'Available', 'true')).toBe(false);
    expect(conditionMet({ kind: 'Pod', metadata: { name: 'p' } }, 'Ready', 'true')).toBe(false);
  });

  it('ignores a condition observed for an older generation', () => {
    expect(conditionMet(deployment([{ type: 'Available', status: 'True' }], 3, 2), 'Available', 'true')).toBe(false);
    expect(conditionMet(deployment([{ type: 'Available', status: 'True' }], 3, 3), 'Available', 'true')).toBe(true);
    expect(conditionMet(deployment([{ type: 'Available', status: 'True', observedGeneration: 3 }], 3, 2), 'Available', 'true')).toBe(true);
    expect(conditionMet(deployment([{ type: 'Available', status: 'True', observedGeneration: 2 }], 3, 3), 'Available', 'true')).toBe(false);
  });

  it('uses the first condition of the type, skipping malformed ones', () => {
    const d = deployment(['junk', { type: 'Ready' }, { type: 'Ready', status: 'True' }, { type: 'Ready', status: 'False' }]);
    expect(conditionMet(d, 'Ready', 'true')).toBe(true);
  });
});

describe('jsonPathMet', () => {
  const pod: KObject = { kind: 'Pod', metadata: { name: 'p' }, spec: { replicas: 3, ratio: 0.5, containers: [{ name: 'a' }, { name: 'b' }] }, status: { phase: 'Running', ready: true } };

  it('compares the single value as Go prints it', () => {
    expect(jsonPathMet(pod, path('{.status.phase}'), 'Running')).toBe(true);
    expect(jsonPathMet(pod, path('{.status.phase}'), 'running')).toBe(false);
    expect(jsonPathMet(pod, path('{.spec.replicas}'), '3')).toBe(true);
    expect(jsonPathMet(pod, path('{.spec.ratio}'), '0.5')).toBe(true);
    expect(jsonPathMet(pod, path('{.status.ready}'), ' true ')).toBe(true);
  });

  it('is met by any value when no value is given, and never by a missing path', () => {
    expect(jsonPathMet(pod, path('{.spec.containers}'), undefined)).toBe(true);
    expect(jsonPathMet(pod, path('{.status.loadBalancer.ingress}'), undefined)).toBe(false);
    expect(jsonPathMet(pod, path('{.status.missing}'), 'x')).toBe(false);
  });

  it("throws kubectl's errors for ambiguous or nested results", () => {
    expect(() => jsonPathMet(pod, path('{.spec.containers[*].name}'), 'a')).toThrow('given jsonpath expression matches more than one value');
    expect(() => jsonPathMet(pod, path('{.status.phase}{.spec.replicas}'), 'a')).toThrow('given jsonpath expression matches more than one list');
    expect(() => jsonPathMet(pod, path('{.spec.containers}'), 'x')).toThrow('jsonpath leads to a nested object or list which is not supported');
  });
});
