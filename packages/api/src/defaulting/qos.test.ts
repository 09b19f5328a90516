import { describe, expect, it } from 'vitest';
import { podQOSClass } from './qos';

const c = (resources: unknown) => ({ name: 'c', image: 'x', resources });

describe('podQOSClass', () => {
  it.each<[string, unknown[], unknown[], string]>([
    ['no resources', [c({})], [], 'BestEffort'],
    ['zero requests count as none', [c({ requests: { cpu: '0' } })], [], 'BestEffort'],
    ['requests only', [c({ requests: { cpu: '100m' } })], [], 'Burstable'],
    ['equal cpu and memory', [c({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1Gi' } })], [], 'Guaranteed'],
    ['memory limit missing', [c({ requests: { cpu: '1' }, limits: { cpu: '1' } })], [], 'Burstable'],
    ['request below limit', [c({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } })], [], 'Burstable'],
    ['init container without limits', [c({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } })], [c({})], 'Burstable'],
  ])('%s', (_n, containers, initContainers, want) => {
    expect(podQOSClass({ containers, initContainers })).toBe(want);
  });
});
