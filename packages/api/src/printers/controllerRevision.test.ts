import { describe, it, expect } from 'vitest';
import type { KObject, OwnerReference } from '../registry/types';
import { controllerRevisionPrinter, controllerCell } from './controllerRevision';

const now = new Date('2024-05-01T12:00:00Z');
const owner = (apiVersion: string, kind: string, name: string, controller?: boolean): OwnerReference => ({ apiVersion, kind, name, uid: 'u', controller });

describe('controllerrevision printer', () => {
  it('declares upstream columns', () => {
    expect(controllerRevisionPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Controller', 'Revision', 'Age']);
  });

  it('prints the controller as kind.group/name and the revision', () => {
    const cr: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'db-7c9', ownerReferences: [owner('apps/v1', 'StatefulSet', 'db', true)] },
      revision: 2,
    };
    expect(controllerRevisionPrinter.printRow(cr, now)).toEqual(['db-7c9', 'statefulset.apps/db', 2, '<unknown>']);
  });

  it('handles core owners, non-controller owners and none', () => {
    expect(controllerCell([owner('v1', 'Pod', 'p', true)])).toBe('pod/p');
    expect(controllerCell([owner('apps/v1', 'DaemonSet', 'd', false)])).toBe('<none>');
    expect(controllerCell(undefined)).toBe('<none>');
    expect(controllerCell([owner('a/b/c', 'Weird', 'w', true)])).toBe('w');
  });
});
