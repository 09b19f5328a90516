import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { podDisruptionBudgetPrinter } from './podDisruptionBudget';

const now = new Date('2024-05-01T12:00:00Z');
const pdb = (spec: object, status: object = {}): KObject => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec, status });

describe('pdb printer', () => {
  it('declares upstream columns', () => {
    expect(podDisruptionBudgetPrinter.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'Name:string', 'Min Available:string', 'Max Unavailable:string', 'Allowed Disruptions:integer', 'Age:string',
    ]);
  });

  it('prints integer and percentage budgets, N/A when unset', () => {
    expect(podDisruptionBudgetPrinter.printRow(pdb({ minAvailable: 2 }, { disruptionsAllowed: 1 }), now)).toEqual(['web-pdb', '2', 'N/A', 1, '<unknown>']);
    expect(podDisruptionBudgetPrinter.printRow(pdb({ maxUnavailable: '25%' }), now)).toEqual(['web-pdb', 'N/A', '25%', 0, '<unknown>']);
  });
});
