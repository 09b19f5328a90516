/**
 * config.json holds the connection settings ({ port, host, scheme }, read by
 * the CLI) and the cluster shape under `cluster`. Each writer replaces only
 * its own part, so neither loses the other's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ClusterPaths, ClusterSettings } from '@mk/client';
import type { ClusterSpec, StoredClusterSpec } from './cluster-spec';

function readRaw(paths: ClusterPaths): Record<string, unknown> {
  try {
    const raw = JSON.parse(readFileSync(paths.config, 'utf8')) as unknown;
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function writeRaw(paths: ClusterPaths, raw: Record<string, unknown>): void {
  writeFileSync(paths.config, JSON.stringify(raw, null, 2) + '\n', { mode: 0o600 });
}

/** readStoredClusterSpec returns config.json's `cluster`, if any. */
export function readStoredClusterSpec(paths: ClusterPaths): StoredClusterSpec | undefined {
  const cluster = readRaw(paths).cluster;
  return typeof cluster === 'object' && cluster !== null ? (cluster as StoredClusterSpec) : undefined;
}

/** writeClusterSpec replaces config.json's `cluster` (0600), keeping the connection settings. */
export function writeClusterSpec(paths: ClusterPaths, spec: ClusterSpec): void {
  writeRaw(paths, { ...readRaw(paths), cluster: spec });
}

/** writeConnectionSettings replaces port, host and scheme, keeping the cluster shape. */
export function writeConnectionSettings(paths: ClusterPaths, settings: ClusterSettings): void {
  writeRaw(paths, { ...readRaw(paths), ...settings });
}
