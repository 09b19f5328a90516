import { describe, it, expect } from 'vitest';
import type { KObject } from '../registry/types';
import { podPrinter } from './pod';

const now = new Date('2024-05-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const SEC = 1000;
const DAY = 24 * 3600 * SEC;

function pod(name: string, spec: object, status: object, metadata: object = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec, status };
}
const containers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'img' }));
const running = { running: { startedAt: ago(60 * SEC) } };
const restartedAgo = (ms: number) => ({ terminated: { exitCode: 1, finishedAt: ago(ms) } });

/** Only the default (non-wide) cells: NAME READY STATUS RESTARTS AGE. */
function defaultCells(obj: KObject) {
  return podPrinter.printRow(obj, now).slice(0, 5);
}

describe('pod printer columns', () => {
  it('declares upstream columns, wide ones at priority 1', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
  });
});

describe('pod STATUS / READY / RESTARTS', () => {
  it.each<[string, KObject, (string | number)[]]>([
    [
      'counts only ready and running containers; phase shows',
      pod('p1', { containers: containers(2) }, {
        phase: 'Pending',
        containerStatuses: [{ name: 'c0', ready: true, restartCount: 3, state: running }, { name: 'c1', ready: false, restartCount: 3 }],
      }),
      ['p1', '1/2', 'Pending', '6', '<unknown>'],
    ],
    [
      'a ready container that is not running is not ready',
      pod('p2', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [{ name: 'c0', ready: true, restartCount: 0, state: running }, { name: 'c1', ready: true, restartCount: 0 }],
      }),
      ['p2', '1/2', 'Running', '0', '<unknown>'],
    ],
    [
      'status.reason overrides the phase',
      pod('p3', { containers: containers(1) }, { phase: 'Failed', reason: 'Evicted', containerStatuses: [] }),
      ['p3', '0/1', 'Evicted', '0', '<unknown>'],
    ],
    [
      'the first container reason wins (iterated last to first)',
      pod('p4', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [
          { name: 'c0', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          { name: 'c1', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } },
        ],
      }),
      ['p4', '0/2', 'CrashLoopBackOff', '5', '<unknown>'],
    ],
    [
      'terminated without reason prints the exit code or the signal',
      pod('p5', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [
          { name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 137 } } },
          { name: 'c1', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, signal: 9 } } },
        ],
      }),
      ['p5', '0/2', 'ExitCode:137', '0', '<unknown>'],
    ],
    [
      'terminated with a signal and no reason',
      pod('p6', { containers: containers(1) }, {
        phase: 'Running',
        containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, signal: 15 } } }],
      }),
      ['p6', '0/1', 'Signal:15', '0', '<unknown>'],
    ],
    [
      'Completed with a container still running and no Ready condition is NotReady',
      pod('p7', { containers: containers(2) }, {
        phase: 'Running',
        containerStatuses: [
          { name: 'c0', ready: true, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'c1', ready: true, restartCount: 3, state: running },
        ],
      }),
      ['p7', '1/2', 'NotReady', '6', '<unknown>'],
    ],
    [
      'Completed with a container still running and Ready=True is Running',
      pod('p8', { containers: containers(2) }, {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name: 'c0', ready: true, restartCount: 3, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'c1', ready: true, restartCount: 3, state: running },
        ],
      }),
      ['p8', '1/2', 'Running', '6', '<unknown>'],
    ],
    [
      'a succeeded pod shows Completed',
      pod('p9', { containers: containers(1) }, {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      }),
      ['p9', '0/1', 'Completed', '0', '<unknown>'],
    ],
    [
      'SchedulingGated from the PodScheduled condition',
      pod('p10', { containers: containers(2) }, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      ['p10', '0/2', 'SchedulingGated', '0', '<unknown>'],
    ],
    [
      'container creation in progress',
      pod('p11', { containers: containers(1) }, {
        phase: 'Pending',
        containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
      }),
      ['p11', '0/1', 'ContainerCreating', '0', '<unknown>'],
    ],
  ])('%s', (_, obj, cells) => {
    expect(defaultCells(obj)).toEqual(cells);
  });

  it('shows the last restart age, including restarts from several containers', () => {
    const p = pod('r', { containers: containers(2) }, {
      phase: 'Running',
      containerStatuses: [
        { name: 'c0', ready: true, restartCount: 6, state: running, lastState: restartedAgo(5 * DAY) },
        { name: 'c1', ready: true, restartCount: 3, state: running, lastState: restartedAgo(20 * DAY) },
      ],
    });
    expect(defaultCells(p)).toEqual(['r', '2/2', 'Running', '9 (5d ago)', '<unknown>']);
    const q = pod('q', { containers: containers(1) }, {
      phase: 'Running',
      containerStatuses: [{ name: 'c0', ready: true, restartCount: 3, state: running, lastState: restartedAgo(2 * 60 * SEC) }],
    });
    expect(defaultCells(q)[3]).toBe('3 (2m ago)');
  });

  it('prints the age of the pod from the injected clock', () => {
    const p = pod('aged', { containers: containers(1) }, { phase: 'Pending' }, { creationTimestamp: ago(90 * SEC) });
    expect(defaultCells(p)).toEqual(['aged', '0/1', 'Pending', '0', '90s']);
  });
});

describe('pod init containers', () => {
  it.each<[string, KObject, (string | number)[]]>([
    [
      'a restarting init container shows Init:i/n and counts its restarts',
      pod('i1', { initContainers: containers(2), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'c0', ready: false, restartCount: 3, state: running, lastState: restartedAgo(10 * SEC) },
          { name: 'c1', ready: false, restartCount: 0, state: { waiting: {} } },
        ],
        containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
      }),
      ['i1', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>'],
    ],
    [
      'completed init containers advance the counter',
      pod('i2', { initContainers: containers(2), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'c0', ready: false, restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: restartedAgo(120 * SEC) },
          { name: 'c1', ready: false, restartCount: 3, state: running, lastState: restartedAgo(10 * SEC) },
        ],
      }),
      ['i2', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>'],
    ],
    [
      'a crash-looping init container',
      pod('i3', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'c0', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      }),
      ['i3', '0/1', 'Init:CrashLoopBackOff', '4', '<unknown>'],
    ],
    [
      'a failed init container with a reason, an exit code or a signal',
      pod('i4', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
      }),
      ['i4', '0/1', 'Init:Error', '0', '<unknown>'],
    ],
    [
      'init exit code without a reason',
      pod('i5', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } }],
      }),
      ['i5', '0/1', 'Init:ExitCode:3', '0', '<unknown>'],
    ],
    [
      'init signal without a reason',
      pod('i6', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, signal: 9 } } }],
      }),
      ['i6', '0/1', 'Init:Signal:9', '0', '<unknown>'],
    ],
    [
      'once running, restarts of finished init containers are not counted',
      pod('i7', { initContainers: containers(1), containers: containers(1) }, {
        phase: 'Running',
        initContainerStatuses: [{ name: 'c0', ready: false, restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: restartedAgo(120 * SEC) }],
        containerStatuses: [{ name: 'c0', ready: false, restartCount: 4, state: running, lastState: restartedAgo(20 * SEC) }],
      }),
      ['i7', '0/1', 'Running', '4 (20s ago)', '<unknown>'],
    ],
  ])('%s', (_, obj, cells) => {
    expect(defaultCells(obj)).toEqual(cells);
  });

  const sidecars = [
    { name: 'side-1', image: 'a', restartPolicy: 'Always' },
    { name: 'side-2', image: 'b', restartPolicy: 'Always' },
  ];

  it('counts sidecars (restartable init containers) in READY and RESTARTS', () => {
    const starting = pod('s1', { initContainers: sidecars, containers: containers(1) }, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'False' }],
      initContainerStatuses: [
        { name: 'side-1', ready: false, restartCount: 3, started: true, state: running, lastState: restartedAgo(10 * SEC) },
        { name: 'side-2', ready: false, restartCount: 0, started: false, state: running },
      ],
      containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { waiting: {} } }],
    });
    expect(defaultCells(starting)).toEqual(['s1', '0/3', 'Init:1/2', '3 (10s ago)', '<unknown>']);

    const runningPod = pod('s2', { initContainers: sidecars, containers: containers(1) }, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [
        { name: 'side-1', ready: false, restartCount: 3, started: true, state: running, lastState: restartedAgo(10 * SEC) },
        { name: 'side-2', ready: true, restartCount: 0, started: true, state: running },
      ],
      containerStatuses: [{ name: 'c0', ready: true, restartCount: 4, state: running, lastState: restartedAgo(20 * SEC) }],
    });
    expect(defaultCells(runningPod)).toEqual(['s2', '2/3', 'Running', '7 (10s ago)', '<unknown>']);
  });

  it('handles statuses for containers the spec does not have', () => {
    const p = pod('s3', { initContainers: [{ name: 'init1' }, { name: 'sidecar1', restartPolicy: 'Always' }], containers: [{ name: 'container1' }] }, {
      phase: 'Running',
      initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
      containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }],
    });
    expect(defaultCells(p)).toEqual(['s3', '0/2', 'Init:0/2', '0', '<unknown>']);
  });
});

describe('pod deletion', () => {
  const deleting = { deletionTimestamp: ago(10 * SEC) };
  it.each<[string, string, object, string]>([
    ['Running', '', {}, 'Terminating'],
    ['Pending', '', {}, 'Terminating'],
    ['Succeeded', '', { containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, 'Completed'],
    ['Failed', '', {}, 'Failed'],
    ['Running', 'NodeLost', {}, 'Unknown'],
  ])('phase %s reason %j → %s', (phase, reason, extra, want) => {
    const p = pod('d', { containers: containers(1) }, { phase, ...(reason ? { reason } : {}), ...extra }, deleting);
    expect(defaultCells(p)[2]).toBe(want);
  });
});

describe('pod wide cells', () => {
  it('prints IP, node, nominated node and readiness gates', () => {
    const p = pod('w', {
      containers: containers(1),
      nodeName: 'node-1',
      readinessGates: [{ conditionType: 'g1' }, { conditionType: 'g2' }, { conditionType: 'g3' }],
    }, {
      phase: 'Running',
      podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }],
      nominatedNodeName: 'node-2',
      conditions: [{ type: 'g1', status: 'False' }, { type: 'g2', status: 'True' }],
    });
    expect(podPrinter.printRow(p, now).slice(5)).toEqual(['10.0.0.5', 'node-1', 'node-2', '1/3']);
  });

  it('prefers status.podIP over podIPs and prints <none> for the unset ones', () => {
    const p = pod('w2', { containers: containers(1) }, { phase: 'Pending', podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.1' }] });
    expect(podPrinter.printRow(p, now).slice(5)).toEqual(['10.0.0.9', '<none>', '<none>', '<none>']);
    const bare = pod('w3', { containers: containers(1) }, { phase: 'Pending' });
    expect(podPrinter.printRow(bare, now).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });
});
