/**
 * Idle footprint: what a learner's cluster costs while nobody uses it. A real
 * `mk up --nodes 3` daemon (one control plane, two simulated workers) is left
 * to settle for 5 s after `mk up` returns; then its CPU time (utime + stime
 * from /proc/<pid>/stat, plus any child processes, live or reaped — the
 * simulated runtime starts none) is sampled at the start and the end of a
 * 60 s idle window, and its resident memory (VmRSS) read at the end. The value
 * is that RSS; the window's CPU, as % of one core, is a second bound.
 * VmHWM shows the peak since start (mk up's burst included). The anchor is an
 * idle bare Node process (`node -e "setInterval(() => {}, 1 << 30)"`) started
 * beside the daemon in the same run: its RSS is the floor of any Node daemon
 * on this machine, so the ratio says what mk itself adds.
 * MB here means 2^20 bytes, as top and ps print it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDaemon } from '../daemon';
import type { Figure, FigureContext, FigureSample } from '../figure';
import { cpuPercentOfOneCore } from '../proc/cpu';
import { clockTicksPerSecond, readAllProcStats, readProcMemory } from '../proc/read';
import { kibToMB } from '../proc/status';
import { processTree, treeCpuTicks } from '../proc/tree';

const SETTLE_SECONDS = 5;

function windowSeconds(ctx: FigureContext): number {
  return ctx.quick ? 10 : 60;
}

/** The daemon's process tree now; throws when the daemon is gone (a crash must not read as 0 % CPU). */
function daemonTree(pid: number) {
  const tree = processTree(readAllProcStats(), pid);
  if (tree.length === 0) throw new Error(`the mk daemon (pid ${pid}) is not running`);
  return tree;
}

/** Stops the bare Node process this figure started, and waits until it has exited. */
async function stopBare(bare: ChildProcess): Promise<void> {
  if (bare.pid === undefined || bare.exitCode !== null || bare.signalCode !== null) return;
  const exited = new Promise((r) => bare.once('exit', r));
  bare.kill('SIGTERM');
  await exited;
}

export const idleFootprint: Figure = {
  name: 'idle footprint',
  workload: (ctx) => `daemon with 3 nodes, ${windowSeconds(ctx)} s idle`,
  unit: 'MB',
  budget: { atMost: 100 },
  // One run is a minute of waiting; idle memory and CPU barely vary between runs.
  maxRuns: 1,
  async run(ctx): Promise<FigureSample> {
    const window = windowSeconds(ctx);
    const ticksPerSecond = clockTicksPerSecond();
    const daemon = await startDaemon({ nodes: 3, progress: ctx.progress });
    let bare: ChildProcess | undefined;
    try {
      bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
      const bareExited = new Promise<never>((_, reject) => {
        bare!.once('error', reject);
        bare!.once('exit', (code) => reject(new Error(`the bare Node process exited (${code}) before it was measured`)));
      });
      bareExited.catch(() => {}); // observed by the race below; after the readings, its end is ours
      await sleep(SETTLE_SECONDS * 1000);

      const before = daemonTree(daemon.pid);
      const t0 = performance.now();
      ctx.progress(`daemon settled; ${before.length - 1} child process(es); sampling CPU over ${window} s idle`);
      await Promise.race([sleep(window * 1000), bareExited]);
      const after = daemonTree(daemon.pid);
      const seconds = (performance.now() - t0) / 1000;
      const memory = readProcMemory(daemon.pid);
      const bareMemory = readProcMemory(bare.pid!);

      const cpu = cpuPercentOfOneCore(treeCpuTicks(after) - treeCpuTicks(before), ticksPerSecond, seconds);
      const rss = kibToMB(memory.rssKiB);
      const bareRss = kibToMB(bareMemory.rssKiB);
      ctx.progress(
        `daemon RSS ${rss.toFixed(1)} MB (peak ${kibToMB(memory.hwmKiB).toFixed(1)} MB), CPU ${cpu.toFixed(2)} % of one core over ${seconds.toFixed(1)} s; ` +
          `bare Node RSS ${bareRss.toFixed(1)} MB; ${after.length - 1} child process(es)`,
      );
      return {
        value: rss,
        anchors: [
          { label: `CPU over ${window} s idle`, unit: '% of one core', value: cpu, budget: { atMost: 1 } },
          { label: 'peak RSS (VmHWM)', unit: 'MB', value: kibToMB(memory.hwmKiB) },
          { label: 'idle bare Node process RSS', unit: 'MB', value: bareRss },
          { label: 'ratio daemon RSS/bare Node RSS', unit: '', value: rss / bareRss },
        ],
      };
    } finally {
      if (bare) await stopBare(bare);
      await daemon.down();
    }
  },
};
