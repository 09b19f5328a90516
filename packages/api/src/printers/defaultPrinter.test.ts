import { describe, it, expect } from 'vitest';
import { defaultPrinter, customResourcePrinter } from './defaultPrinter';

const now = new Date('2024-05-01T12:00:00Z');

describe('defaultPrinter (upstream default table convertor)', () => {
  it('prints NAME and CREATED AT as an RFC 3339 date', () => {
    expect(defaultPrinter.columns.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
    expect(defaultPrinter.printRow({ metadata: { name: 'admin', creationTimestamp: '2024-04-30T08:15:00Z' } }, now)).toEqual(['admin', '2024-04-30T08:15:00Z']);
    expect(defaultPrinter.printRow({ metadata: { name: 'odd', creationTimestamp: '2024-04-30T10:15:00.750+02:00' } }, now)).toEqual(['odd', '2024-04-30T08:15:00Z']);
    expect(defaultPrinter.printRow({ metadata: { name: 'new' } }, now)).toEqual(['new', '0001-01-01T00:00:00Z']);
  });
});

describe('customResourcePrinter', () => {
  it('prints NAME and AGE', () => {
    expect(customResourcePrinter.columns.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(customResourcePrinter.printRow({ metadata: { name: 'cr', creationTimestamp: '2024-04-30T12:00:00Z' } }, now)).toEqual(['cr', '24h']);
  });
});
