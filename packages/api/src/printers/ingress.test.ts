import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { ingressPrinter, ingressHosts } from './ingress';
import { ingressClassPrinter } from './ingressClass';

const now = new Date('2024-05-01T12:00:00Z');
const tenYears = new Date(now.getTime() - 10 * 365 * 24 * 3600 * 1000).toISOString();

describe('ingress printer', () => {
  it('declares upstream columns', () => {
    expect(ingressPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
  });

  it('prints a default-backend ingress (upstream golden)', () => {
    const ing: KObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'test1', creationTimestamp: tenYears },
      spec: { ingressClassName: 'foo', defaultBackend: { service: { name: 'default-backend', port: { number: 80 } } } },
      status: { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } },
    };
    expect(ingressPrinter.printRow(ing, now)).toEqual(['test1', 'foo', '*', '2.3.4.5', '80', '10y']);
  });

  it('prints hosts, TLS ports, <none> class and an empty address', () => {
    const ing: KObject = {
      metadata: { name: 'web' },
      spec: { rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'] }] },
    };
    expect(ingressPrinter.printRow(ing, now)).toEqual(['web', '<none>', 'a.example.com,b.example.com', '', '80, 443', '<unknown>']);
  });

  it('abbreviates hosts past three, counting rules', () => {
    expect(ingressHosts([{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, {}])).toBe('a,b,c + 2 more...');
    expect(ingressHosts([{}, { host: 'x' }])).toBe('x');
    expect(ingressHosts(undefined)).toBe('*');
  });
});

describe('ingressclass printer', () => {
  it('prints controller and parameters (upstream golden)', () => {
    const ic = (parameters?: object): KObject => ({
      metadata: { name: 'test1', creationTimestamp: tenYears },
      spec: { controller: 'example.com/controller', parameters },
    });
    expect(ingressClassPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Controller', 'Parameters', 'Age']);
    expect(ingressClassPrinter.printRow(ic({ kind: 'customgroup', name: 'example' }), now)).toEqual(['test1', 'example.com/controller', 'customgroup/example', '10y']);
    expect(ingressClassPrinter.printRow(ic({ apiGroup: 'example.com', kind: 'customgroup', name: 'example' }), now)[2]).toBe('customgroup.example.com/example');
    expect(ingressClassPrinter.printRow(ic(), now)[2]).toBe('<none>');
  });
});
