/**
 * `mk up` to a usable cluster: the wall time from running `mk up` (fresh
 * MK_HOME, a free port on 127.0.0.1) until the API serves and three nodes
 * report Ready. `mk up` itself returns once the API serves; the nodes are
 * polled through the cluster's own kubeconfig. Anchors measured in the same
 * run: the `mk up` command alone, and starting Node itself (`node -e 0`), the
 * floor of any command written in JavaScript.
 */
import { performance } from 'node:perf_hooks';
import type { NodeList } from 'kubernetes-types/core/v1';
import { startDaemon } from '../daemon';
import type { Figure, FigureSample } from '../figure';
import { timed } from '../processes';

const readyCount = (list: NodeList): number => list.items.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;

export const mkUp: Figure = {
  name: 'mk up',
  workload: () => 'fresh cluster → API serving and 3 nodes Ready',
  unit: 's',
  budget: { atMost: 1 },
  async run(ctx): Promise<FigureSample> {
    const node = await timed(process.execPath, ['-e', '0'], process.env);
    // From just before `mk up` (startDaemon's temporary folder and free port take a millisecond or two).
    const start = performance.now();
    const daemon = await startDaemon({ nodes: 3 });
    try {
      for (;;) {
        const nodes = await daemon.client.request<NodeList>('GET', '/api/v1/nodes');
        if (readyCount(nodes) >= 3) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      const ready = (performance.now() - start) / 1000;
      const up = daemon.upSeconds;
      ctx.progress(`mk up returned in ${up.toFixed(2)} s, 3 nodes Ready at ${ready.toFixed(2)} s (node -e 0: ${node.toFixed(2)} s)`);
      return {
        value: ready,
        anchors: [
          { label: 'the mk up command alone', unit: 's', value: up },
          { label: 'node -e 0 (starting Node)', unit: 's', value: node },
          { label: 'ratio ready/node start', unit: '', value: ready / node },
        ],
      };
    } finally {
      await daemon.down();
    }
  },
};
