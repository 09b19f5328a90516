import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { eventPrinter, eventsV1EventPrinter } from './event';

const now = new Date('2024-05-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();

describe('event printer (core/v1)', () => {
  it('declares upstream columns in upstream order', () => {
    expect(eventPrinter.columns.map((c) => `${c.name}:${c.priority}:${c.format}`)).toEqual([
      'Last Seen:0:', 'Type:0:', 'Reason:0:', 'Object:0:', 'Subobject:1:', 'Source:1:', 'Message:0:', 'First Seen:1:', 'Count:1:', 'Name:1:name',
    ]);
  });

  it('prints a classic event', () => {
    const e: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-abc.17c', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-abc', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      message: '  Successfully pulled image "nginx"\n',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(600),
      lastTimestamp: ago(120),
      count: 3,
      type: 'Normal',
    };
    expect(eventPrinter.printRow(e, now)).toEqual([
      '2m', 'Normal', 'Pulled', 'pod/web-abc', 'spec.containers{nginx}', 'kubelet, node-1', 'Successfully pulled image "nginx"', '10m', 3, 'web-abc.17c',
    ]);
  });

  it('falls back to eventTime, reporting controller and a count of 1', () => {
    const e: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'x' },
      involvedObject: { kind: 'Deployment', name: 'web' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up',
      eventTime: new Date(now.getTime() - 30_000).toISOString().replace('Z', '000Z'),
      reportingComponent: 'deployment-controller',
      type: 'Normal',
    };
    expect(eventPrinter.printRow(e, now)).toEqual(['30s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller', 'Scaled up', '30s', 1, 'x']);
  });

  it('uses the series for LAST SEEN and COUNT, and a bare kind without a name', () => {
    const e: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'y' },
      involvedObject: { kind: 'Node' },
      reason: 'Rebooted',
      firstTimestamp: ago(3600),
      count: 2,
      series: { count: 7, lastObservedTime: ago(5) },
      type: 'Warning',
    };
    expect(eventPrinter.printRow(e, now)).toEqual(['5s', 'Warning', 'Rebooted', 'node', '', '', '', '60m', 7, 'y']);
  });

  it('reads <unknown> when no timestamp is set', () => {
    const cells = eventPrinter.printRow({ metadata: { name: 'z' }, involvedObject: {} }, now);
    expect(cells).toEqual(['<unknown>', '', '', '', '', '', '', '<unknown>', 1, 'z']);
  });
});

describe('event printer (events.k8s.io/v1)', () => {
  it('maps regarding, note and deprecated fields like upstream conversion', () => {
    const e: KObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1' },
      regarding: { kind: 'ReplicaSet', name: 'web-5d8' },
      note: 'Created pod: web-5d8-x',
      reason: 'SuccessfulCreate',
      type: 'Normal',
      eventTime: ago(90),
      reportingController: 'replicaset-controller',
      reportingInstance: 'cp-1',
      deprecatedFirstTimestamp: ago(300),
      deprecatedLastTimestamp: ago(60),
      deprecatedCount: 4,
    };
    expect(eventsV1EventPrinter.printRow(e, now)).toEqual([
      '60s', 'Normal', 'SuccessfulCreate', 'replicaset/web-5d8', '', 'replicaset-controller, cp-1', 'Created pod: web-5d8-x', '5m', 4, 'web.1',
    ]);
  });
});
