/**
 * What `mk up` asks of the cluster's shape (--nodes, --runtime, --profile,
 * timing flags). Before starting a stopped cluster, `mk up` records it in
 * config.json's `cluster`, which the daemon reads and completes (it turns a
 * node count into nodes on the first start); a running cluster is only checked.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { timingProfiles, type ClusterTimings } from '@mk/api';
import type { ClusterPaths } from '@mk/client';
import { CliError } from '../context';

/** The runtimes and profiles the daemon accepts (it validates again). */
const RUNTIMES = ['sim'];
const PROFILES = ['default', 'demo'];

/** The requested shape; unset fields keep what the cluster has. */
export interface ClusterRequest {
  nodes?: number;
  runtime?: string;
  profile?: string;
  timings: Partial<ClusterTimings>;
}

/** config.json's `cluster` as far as the CLI reads it (the daemon owns the full shape). */
export interface StoredCluster {
  runtime?: string;
  profile?: string;
  timings?: Partial<ClusterTimings>;
  nodes?: { name: string }[];
  nodeCount?: number;
}

/** parseClusterFlags validates --nodes, --runtime and --profile with the daemon's wording. */
export function parseClusterFlags(flags: { nodes?: string; runtime?: string; profile?: string }, timings: Partial<ClusterTimings>): ClusterRequest {
  const request: ClusterRequest = { timings };
  if (flags.nodes !== undefined) {
    const n = Number(flags.nodes);
    if (!/^\d+$/.test(flags.nodes) || n > 1000) throw new CliError(`invalid --nodes ${JSON.stringify(flags.nodes)}: use a whole number from 0 to 1000`);
    request.nodes = n;
  }
  if (flags.runtime !== undefined) {
    if (flags.runtime === 'process') throw new CliError('runtime "process" is not available yet; use --runtime sim (simulated containers)');
    if (!RUNTIMES.includes(flags.runtime)) throw new CliError(`unknown runtime ${JSON.stringify(flags.runtime)}: use sim`);
    request.runtime = flags.runtime;
  }
  if (flags.profile !== undefined) {
    if (!PROFILES.includes(flags.profile)) throw new CliError(`unknown profile ${JSON.stringify(flags.profile)}: use default or demo`);
    request.profile = flags.profile;
  }
  return request;
}

function readConfig(paths: ClusterPaths): Record<string, unknown> {
  try {
    const raw = JSON.parse(readFileSync(paths.config, 'utf8')) as unknown;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** readStoredCluster returns config.json's `cluster`, or an empty shape for a new cluster. */
export function readStoredCluster(paths: ClusterPaths): StoredCluster {
  const cluster = readConfig(paths).cluster;
  return typeof cluster === 'object' && cluster !== null ? (cluster as StoredCluster) : {};
}

function nodeCountConflict(clusterName: string, stored: StoredCluster, request: ClusterRequest): string | undefined {
  const nodes = stored.nodes;
  if (request.nodes === undefined || !nodes || nodes.length === request.nodes) return undefined;
  const has = nodes.length ? `${nodes.length} node(s) (${nodes.map((n) => n.name).join(', ')})` : 'no nodes';
  return `cluster "${clusterName}" already has ${has}; add or remove nodes with "mk node add" and "mk node rm"`;
}

/** applyClusterRequest is the stored shape with the request applied (pure); throws when the node count conflicts. */
export function applyClusterRequest(clusterName: string, stored: StoredCluster, request: ClusterRequest): StoredCluster {
  const conflict = nodeCountConflict(clusterName, stored, request);
  if (conflict) throw new CliError(conflict);
  const next: StoredCluster = { ...stored };
  if (request.nodes !== undefined && !stored.nodes) next.nodeCount = request.nodes;
  if (request.runtime !== undefined) next.runtime = request.runtime;
  if (request.profile !== undefined) next.profile = request.profile;
  if (Object.keys(request.timings).length) next.timings = { ...(stored.timings ?? {}), ...request.timings };
  return next;
}

/** recordClusterRequest writes the request into config.json (0600) for the daemon about to start. */
export function recordClusterRequest(paths: ClusterPaths, clusterName: string, request: ClusterRequest): void {
  const raw = readConfig(paths);
  const next = applyClusterRequest(clusterName, readStoredCluster(paths), request);
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  writeFileSync(paths.config, JSON.stringify({ ...raw, cluster: next }, null, 2) + '\n', { mode: 0o600 });
}

/**
 * runningClusterConflict says which requested settings a running cluster does
 * not have (they only apply at start), or undefined when it matches.
 */
export function runningClusterConflict(clusterName: string, stored: StoredCluster, request: ClusterRequest): string | undefined {
  const conflict = nodeCountConflict(clusterName, stored, request);
  if (conflict) return conflict;
  const differs: string[] = [];
  if (request.runtime !== undefined && request.runtime !== (stored.runtime ?? 'sim')) differs.push('--runtime');
  if (request.profile !== undefined && request.profile !== (stored.profile ?? 'default')) differs.push('--profile');
  const timings: Partial<ClusterTimings> = { ...timingProfiles[stored.profile ?? 'default'], ...(stored.timings ?? {}) };
  if (Object.entries(request.timings).some(([k, v]) => timings[k as keyof ClusterTimings] !== v)) differs.push('timing flags');
  if (differs.length === 0) return undefined;
  return `cluster "${clusterName}" is already running with other settings; stop it with "mk down" to change ${differs.join(', ')}`;
}
