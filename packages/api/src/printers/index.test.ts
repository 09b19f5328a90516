import { describe, it, expect } from 'vitest';
import { printerFor, hasPrinter, defaultPrinter } from './index';
import { podPrinter } from './pod';
import { eventPrinter, eventsV1EventPrinter } from './event';

const now = new Date('2024-05-01T12:00:00Z');

const KINDS: Array<[string, string]> = [
  ['', 'Pod'], ['', 'Node'], ['', 'Namespace'], ['', 'Service'], ['', 'Endpoints'], ['', 'ConfigMap'], ['', 'Secret'], ['', 'Event'],
  ['', 'ServiceAccount'], ['', 'ReplicationController'], ['', 'PersistentVolumeClaim'], ['', 'PersistentVolume'],
  ['events.k8s.io', 'Event'], ['coordination.k8s.io', 'Lease'], ['apps', 'ReplicaSet'], ['apps', 'Deployment'], ['apps', 'StatefulSet'],
  ['apps', 'DaemonSet'], ['apps', 'ControllerRevision'], ['batch', 'Job'], ['batch', 'CronJob'], ['networking.k8s.io', 'Ingress'],
  ['networking.k8s.io', 'IngressClass'], ['autoscaling', 'HorizontalPodAutoscaler'], ['policy', 'PodDisruptionBudget'],
];

describe('printerFor', () => {
  it('finds the dedicated printers by group and kind', () => {
    expect(printerFor('', 'Pod')).toBe(podPrinter);
    expect(printerFor('', 'Event')).toBe(eventPrinter);
    expect(printerFor('events.k8s.io', 'Event')).toBe(eventsV1EventPrinter);
    for (const [group, kind] of KINDS) expect(hasPrinter(group, kind), `${group}/${kind}`).toBe(true);
  });

  it('falls back to the default table for other kinds', () => {
    expect(printerFor('rbac.authorization.k8s.io', 'ClusterRole')).toBe(defaultPrinter);
    expect(printerFor('apps', 'Pod')).toBe(defaultPrinter);
    expect(hasPrinter('', 'LimitRange')).toBe(false);
  });

  it.each(KINDS)('%s/%s has one Name column, unique column names and one cell per column', (group, kind) => {
    const printer = printerFor(group, kind);
    expect(printer.columns.filter((c) => c.format === 'name').map((c) => c.name)).toEqual(['Name']);
    expect(new Set(printer.columns.map((c) => c.name)).size).toBe(printer.columns.length);
    for (const c of printer.columns) expect(c.description.length).toBeGreaterThan(0);
    // A nearly empty object must still print a full row.
    const cells = printer.printRow({ apiVersion: 'v1', kind, metadata: { name: 'n' } }, now);
    expect(cells).toHaveLength(printer.columns.length);
  });
});
