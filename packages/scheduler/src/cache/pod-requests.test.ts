import { describe, expect, it } from 'vitest';
import { makePod } from '../testing/builders';
import { DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, podRequests } from './pod-requests';

const Gi = 1024 ** 3;

describe('podRequests', () => {
  it('sums containers and takes the largest init container when bigger (upstream example: CPU 3, memory 3G)', () => {
    const pod = makePod('p', {
      spec: {
        initContainers: [
          { name: 'i1', resources: { requests: { cpu: '2', memory: '1G' } } },
          { name: 'i2', resources: { requests: { cpu: '2', memory: '3G' } } },
        ],
        containers: [
          { name: 'c1', resources: { requests: { cpu: '2', memory: '1G' } } },
          { name: 'c2', resources: { requests: { cpu: '1', memory: '1G' } } },
        ],
      },
    });
    const r = podRequests(pod);
    expect(r.milliCPU).toBe(3000);
    expect(r.memory).toBe(3e9);
  });

  it('adds restartable init containers (sidecars) to the containers and to later init containers', () => {
    const pod = makePod('p', {
      spec: {
        initContainers: [
          { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } },
          { name: 'setup', resources: { requests: { cpu: '2' } } },
        ],
        containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }],
      },
    });
    // containers 1 + sidecar 0.5 = 1.5; setup runs beside the sidecar: 2.5 → max 2.5
    expect(podRequests(pod).milliCPU).toBe(2500);
  });

  it('adds pod overhead and counts extended resources', () => {
    const pod = makePod('p', {
      spec: {
        overhead: { cpu: '250m', memory: '120Mi' },
        containers: [{ name: 'c', resources: { requests: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': '2' } } }],
      },
    });
    const r = podRequests(pod);
    expect(r.milliCPU).toBe(1250);
    expect(r.memory).toBe(Gi + 120 * 1024 ** 2);
    expect(r.scalar?.get('nvidia.com/gpu')).toBe(2);
  });

  it('substitutes 100m / 200Mi for missing requests when scoring, but keeps explicit zeros', () => {
    const missing = podRequests(makePod('p'), true);
    expect(missing.milliCPU).toBe(DEFAULT_MILLI_CPU_REQUEST);
    expect(missing.memory).toBe(DEFAULT_MEMORY_REQUEST);
    const zero = podRequests(makePod('p', { cpu: '0', memory: '0' }), true);
    expect(zero.milliCPU).toBe(0);
    expect(zero.memory).toBe(0);
    expect(podRequests(makePod('p')).milliCPU).toBe(0);
  });
});
