import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import { builtinControllers } from './registry';
import { runControllerManagerProcess } from './process';
import { eventually, startTestCluster, type TestCluster } from './testing/cluster';

let cluster: TestCluster;

beforeEach(async () => {
  cluster = await startTestCluster();
});

afterEach(async () => {
  await cluster.close();
});

describe('runControllerManagerProcess', () => {
  it('runs the controllers against a server until its signal aborts', async () => {
    await cluster.addNode('w1');
    const stop = new AbortController();
    const logs: string[] = [];
    const done = runControllerManagerProcess({ server: cluster.client.config.server, timings: defaultTimings, clock: cluster.clock, signal: stop.signal, log: (m) => logs.push(m) });
    await eventually(async () => {
      const events = await cluster.client.request<{ items: { reason: string }[] }>('GET', '/api/v1/namespaces/default/events');
      expect(events.items.map((e) => e.reason)).toContain('RegisteredNode');
    });
    stop.abort();
    await done;
    expect(logs[0]).toBe(`Starting controllers: ${builtinControllers.map((c) => c.name).join(', ')}`);
    expect(logs).toContain('successfully acquired lease kube-system/kube-controller-manager');
  }, 30_000);

  it('refuses unknown controllers', async () => {
    await expect(runControllerManagerProcess({ server: cluster.client.config.server, timings: defaultTimings, controllers: ['nope'], signal: AbortSignal.abort() })).rejects.toThrow(
      '"nope" is not in the list of known controllers',
    );
  });
});
