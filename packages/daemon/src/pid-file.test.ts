import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterPaths, type ClusterPaths } from '@mk/client';
import { claimPidFile, removePidFile } from './pid-file';

let dir: string;
let paths: ClusterPaths;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mk-pid-'));
  paths = clusterPaths(dir, 'x');
  paths.pid = join(dir, 'daemon.pid');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('claimPidFile', () => {
  it('claims a free pid file', () => {
    expect(claimPidFile(paths, 1234)).toBeUndefined();
    expect(readFileSync(paths.pid, 'utf8')).toBe('1234\n');
  });

  it('takes over a stale pid file', () => {
    writeFileSync(paths.pid, `${deadPid()}\n`);
    expect(claimPidFile(paths, 1234)).toBeUndefined();
    expect(readFileSync(paths.pid, 'utf8')).toBe('1234\n');
  });

  it('names the live holder instead of claiming', () => {
    writeFileSync(paths.pid, `${process.pid}\n`);
    expect(claimPidFile(paths, 1234)).toBe(process.pid);
    expect(readFileSync(paths.pid, 'utf8')).toBe(`${process.pid}\n`);
  });
});

describe('removePidFile', () => {
  it('removes only its own pid file', () => {
    writeFileSync(paths.pid, '99\n');
    removePidFile(paths, 98);
    expect(existsSync(paths.pid)).toBe(true);
    removePidFile(paths, 99);
    expect(existsSync(paths.pid)).toBe(false);
  });
});
