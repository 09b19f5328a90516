/** The record `mk up` keeps of where it merged a cluster's context, so `mk down --delete` can undo exactly that. */
import { readFileSync, writeFileSync } from 'node:fs';

/** Contents of MK_HOME/<name>/merged-kubeconfig.json. */
export interface MergeRecord {
  /** Kubeconfig files the context was merged into. */
  files: string[];
  /** current-context before the first merge, restored on delete. */
  previousContext?: string;
}

/** readMergeRecord returns the record, or an empty one. */
export function readMergeRecord(path: string): MergeRecord {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<MergeRecord>;
    return { files: Array.isArray(raw.files) ? raw.files.filter((f) => typeof f === 'string') : [], previousContext: typeof raw.previousContext === 'string' ? raw.previousContext : undefined };
  } catch {
    return { files: [] };
  }
}

/** writeMergeRecord saves the record (0600). */
export function writeMergeRecord(path: string, record: MergeRecord): void {
  writeFileSync(path, JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
}
