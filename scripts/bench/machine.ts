/** Describes the machine a benchmark ran on. */
import os from 'node:os';
import type { MachineInfo } from './report';

/** CPU model, cores, memory, platform and Node version, dated `now`. */
export function describeMachine(now: Date): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: now.toISOString().slice(0, 10),
  };
}
