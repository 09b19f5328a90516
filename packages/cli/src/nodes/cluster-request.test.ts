import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterPaths } from '@mk/client';
import { applyClusterRequest, parseClusterFlags, recordClusterRequest, runningClusterConflict } from './cluster-request';

let home: string | undefined;
afterEach(() => home && rmSync(home, { recursive: true, force: true }));

describe('mk up cluster flags', () => {
  it('validates --nodes, --runtime and --profile', () => {
    expect(parseClusterFlags({ nodes: '5', runtime: 'sim', profile: 'demo' }, {})).toEqual({ nodes: 5, runtime: 'sim', profile: 'demo', timings: {} });
    expect(parseClusterFlags({ nodes: '0' }, {}).nodes).toBe(0);
    expect(() => parseClusterFlags({ nodes: '-1' }, {})).toThrow('invalid --nodes "-1": use a whole number from 0 to 1000');
    expect(() => parseClusterFlags({ runtime: 'process' }, {})).toThrow('runtime "process" is not available yet; use --runtime sim (simulated containers)');
    expect(() => parseClusterFlags({ runtime: 'docker' }, {})).toThrow('unknown runtime "docker": use sim');
    expect(() => parseClusterFlags({ profile: 'x' }, {})).toThrow('unknown profile "x": use default or demo');
  });

  it('records a node count only for a cluster without nodes, and merges timings', () => {
    expect(applyClusterRequest('mk', {}, { nodes: 4, timings: { defaultTolerationSeconds: 5 } })).toEqual({ nodeCount: 4, timings: { defaultTolerationSeconds: 5 } });
    const existing = { nodes: [{ name: 'a' }, { name: 'b' }], timings: { leaseRenewIntervalMs: 1000 } };
    expect(applyClusterRequest('mk', existing, { nodes: 2, profile: 'demo', timings: { defaultTolerationSeconds: 5 } })).toEqual({
      nodes: existing.nodes,
      profile: 'demo',
      timings: { leaseRenewIntervalMs: 1000, defaultTolerationSeconds: 5 },
    });
    expect(() => applyClusterRequest('dev', existing, { nodes: 3, timings: {} })).toThrow(
      'cluster "dev" already has 2 node(s) (a, b); add or remove nodes with "mk node add" and "mk node rm"',
    );
  });

  it('writes the request into config.json, keeping the connection settings', () => {
    home = mkdtempSync(join(tmpdir(), 'mk-req-'));
    const paths = clusterPaths(home, 'mk');
    recordClusterRequest(paths, 'mk', { nodes: 2, timings: {} });
    expect(statSync(paths.config).mode & 0o777).toBe(0o600);
    writeFileSync(paths.config, JSON.stringify({ port: 4000, cluster: { nodeCount: 2 } }));
    recordClusterRequest(paths, 'mk', { profile: 'demo', timings: {} });
    expect(JSON.parse(readFileSync(paths.config, 'utf8'))).toEqual({ port: 4000, cluster: { nodeCount: 2, profile: 'demo' } });
  });

  it('tells which settings a running cluster does not have', () => {
    const stored = { profile: 'demo', nodes: [{ name: 'a' }] };
    expect(runningClusterConflict('mk', stored, { nodes: 1, profile: 'demo', timings: { nodeMonitorGracePeriodMs: 8000 } })).toBeUndefined();
    expect(runningClusterConflict('mk', stored, { profile: 'default', timings: { defaultTolerationSeconds: 1 } })).toBe(
      'cluster "mk" is already running with other settings; stop it with "mk down" to change --profile, timing flags',
    );
  });
});
