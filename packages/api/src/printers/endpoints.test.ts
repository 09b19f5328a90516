import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { endpointsPrinter } from './endpoints';

const now = new Date('2024-05-01T12:00:00Z');
const ep = (subsets?: object[]): KObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets });
const cell = (subsets?: object[]) => endpointsPrinter.printRow(ep(subsets), now)[1];

describe('endpoints printer', () => {
  it('declares upstream columns', () => {
    expect(endpointsPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Endpoints', 'Age']);
  });

  it('prints <none> without subsets', () => {
    expect(endpointsPrinter.printRow(ep(), now)).toEqual(['web', '<none>', '<unknown>']);
    expect(cell([])).toBe('<none>');
  });

  it('joins ip:port pairs, IPv6 in brackets', () => {
    expect(cell([{ addresses: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }], ports: [{ port: 8080, protocol: 'TCP' }] }])).toBe('10.0.0.1:8080,[fd00::1]:8080');
  });

  it('lists bare IPs for subsets without ports', () => {
    expect(cell([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }])).toBe('10.0.0.1,10.0.0.2');
  });

  it('shows the first three, then + N more...', () => {
    const addresses = [1, 2, 3, 4, 5].map((i) => ({ ip: `10.0.0.${i}` }));
    expect(cell([{ addresses, ports: [{ port: 80 }, { port: 443 }] }])).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 7 more...');
    expect(cell([{ addresses: addresses.slice(0, 3), ports: [{ port: 80 }] }])).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80');
  });

  it('prints an empty cell for subsets with no ready addresses', () => {
    expect(cell([{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }])).toBe('');
  });
});
