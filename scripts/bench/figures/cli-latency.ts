/**
 * CLI latency: the wall time of `mk get pods` (`node bin/mk.js get pods`)
 * against the real `kubectl get pods`, both against the same `mk up --nodes 3`
 * daemon with its kubeconfig, listing the same 10 Running pods, from spawning
 * the command until its output is read and it has exited. After one warm-up
 * each (kubectl fills its discovery cache, in a temporary --cache-dir), pairs
 * are timed alternately mk-first and kubectl-first; every run must exit 0 and
 * list all 10 pods Running, so an error path is never what is measured. The
 * value is median mk ÷ median kubectl: kubectl, a native Go binary, is the
 * anchor a user compares with (here the gcloud kubectl dispatcher, which asks
 * the server for /version before running kubectl 1.32 in process — what
 * `kubectl` is on these machines). A further anchor is `node -e 0`, starting
 * Node alone: the floor under any command written in JavaScript.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '@mk/client';
import type { PodList } from 'kubernetes-types/core/v1';
import { benchPod } from '../cluster';
import { startDaemon } from '../daemon';
import { FigureSkipped, type Figure, type FigureContext, type FigureSample } from '../figure';
import { onPath, run } from '../processes';
import { summarize } from '../stats';
import { podsNotListedRunning } from './cli-latency/output';
import { pairOrder } from './cli-latency/rounds';

const PODS = 10;
const RUNNING_TIMEOUT_MS = 60_000;

function rounds(ctx: FigureContext): number {
  return ctx.quick ? 3 : 10;
}

/** Creates the pods and waits until all of them are Running (a table that changes between runs is not one workload). */
async function createRunningPods(client: ApiClient, names: string[]): Promise<void> {
  await Promise.all(names.map((name) => client.request('POST', '/api/v1/namespaces/default/pods', { body: benchPod(name, 'default') })));
  const deadline = performance.now() + RUNNING_TIMEOUT_MS;
  for (;;) {
    const list = await client.request<PodList>('GET', '/api/v1/namespaces/default/pods');
    const running = list.items.filter((p) => names.includes(p.metadata!.name!) && p.status?.phase === 'Running').length;
    if (running === names.length) return;
    if (performance.now() > deadline) throw new Error(`only ${running} of ${names.length} pods Running after ${RUNNING_TIMEOUT_MS / 1000} s`);
    await sleep(50);
  }
}

export const cliLatency: Figure = {
  name: 'CLI latency',
  workload: (ctx) => `get pods (${PODS} pods), mk vs kubectl, ${rounds(ctx)} alternated pairs`,
  unit: '×',
  budget: { atMost: 1 },
  async run(ctx): Promise<FigureSample> {
    if (!(await onPath('kubectl', ['version', '--client']))) throw new FigureSkipped('kubectl is not on PATH');
    const names = Array.from({ length: PODS }, (_, i) => `cli-${i}`);
    const daemon = await startDaemon({ nodes: 3, progress: ctx.progress });
    const cacheDir = mkdtempSync(join(tmpdir(), 'mk-bench-kubectl-cache-'));
    try {
      await createRunningPods(daemon.client, names);
      ctx.progress(`${PODS} pods Running`);
      const commands = {
        mk: { command: process.execPath, args: [daemon.mk, 'get', 'pods'] },
        kubectl: { command: 'kubectl', args: ['--kubeconfig', daemon.kubeconfig, '--cache-dir', cacheDir, 'get', 'pods'] },
      };
      const timeGetPods = async (which: keyof typeof commands): Promise<number> => {
        const { command, args } = commands[which];
        const { seconds, stdout } = await run(command, args, daemon.env);
        const missing = podsNotListedRunning(stdout, names);
        if (missing.length > 0) throw new Error(`${which} get pods did not list ${missing.join(', ')} as Running:\n${stdout}`);
        return seconds;
      };

      const warm = { mk: await timeGetPods('mk'), kubectl: await timeGetPods('kubectl') };
      ctx.progress(`warm-up: mk ${warm.mk.toFixed(3)} s, kubectl ${warm.kubectl.toFixed(3)} s (fills its discovery cache)`);
      const times = { mk: [] as number[], kubectl: [] as number[], node: [] as number[] };
      for (let round = 0; round < rounds(ctx); round++) {
        for (const which of pairOrder(round, 'mk' as const, 'kubectl' as const)) times[which].push(await timeGetPods(which));
        times.node.push((await run(process.execPath, ['-e', '0'], daemon.env)).seconds);
      }

      const mk = summarize(times.mk).median;
      const kubectl = summarize(times.kubectl).median;
      const node = summarize(times.node).median;
      ctx.progress(`medians: mk ${mk.toFixed(3)} s, kubectl ${kubectl.toFixed(3)} s, node -e 0 ${node.toFixed(3)} s`);
      return {
        value: mk / kubectl,
        anchors: [
          { label: 'mk get pods, median', unit: 's', value: mk },
          { label: 'kubectl get pods, median', unit: 's', value: kubectl },
          { label: 'node -e 0 (starting Node), median', unit: 's', value: node },
        ],
      };
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
      await daemon.down();
    }
  },
};
