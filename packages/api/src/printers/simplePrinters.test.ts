import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { namespacePrinter } from './namespace';
import { configMapPrinter } from './configMap';
import { secretPrinter } from './secret';
import { serviceAccountPrinter } from './serviceAccount';
import { leasePrinter } from './lease';

const now = new Date('2024-05-01T12:00:00Z');
const meta = { name: 'x', creationTimestamp: '2024-05-01T11:59:30Z' };

describe('namespace printer', () => {
  it('prints the phase', () => {
    expect(namespacePrinter.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(namespacePrinter.printRow({ metadata: meta, status: { phase: 'Active' } }, now)).toEqual(['x', 'Active', '30s']);
    expect(namespacePrinter.printRow({ metadata: meta, status: { phase: 'Terminating' } }, now)[1]).toBe('Terminating');
  });
});

describe('configmap printer', () => {
  it('counts data and binaryData keys', () => {
    expect(configMapPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Data', 'Age']);
    const cm: KObject = { metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
    expect(configMapPrinter.printRow(cm, now)).toEqual(['x', 3, '30s']);
    expect(configMapPrinter.printRow({ metadata: meta }, now)).toEqual(['x', 0, '30s']);
  });
});

describe('secret printer', () => {
  it('prints the type and counts data keys', () => {
    expect(secretPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Type', 'Data', 'Age']);
    const s: KObject = { metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': 'AA==', 'tls.key': 'AA==' } };
    expect(secretPrinter.printRow(s, now)).toEqual(['x', 'kubernetes.io/tls', 2, '30s']);
  });
});

describe('serviceaccount printer', () => {
  it('counts secrets', () => {
    expect(serviceAccountPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Secrets', 'Age']);
    expect(serviceAccountPrinter.printRow({ metadata: meta }, now)).toEqual(['x', 0, '30s']);
    expect(serviceAccountPrinter.printRow({ metadata: meta, secrets: [{ name: 't' }] }, now)).toEqual(['x', 1, '30s']);
  });
});

describe('lease printer', () => {
  it('prints the holder', () => {
    expect(leasePrinter.columns.map((c) => c.name)).toEqual(['Name', 'Holder', 'Age']);
    expect(leasePrinter.printRow({ metadata: meta, spec: { holderIdentity: 'node-1' } }, now)).toEqual(['x', 'node-1', '30s']);
    expect(leasePrinter.printRow({ metadata: meta, spec: {} }, now)).toEqual(['x', '', '30s']);
  });
});
