/** Reading and writing one kubeconfig file (YAML), with kubectl's error messages and 0600 permissions. */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';
import { KubeconfigError } from './errors';
import type { KubeconfigDoc } from './types';

/** parseKubeconfig parses YAML (or JSON) text; an empty file is an empty config. */
export function parseKubeconfig(text: string, file: string): KubeconfigDoc {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new KubeconfigError(`error loading config file ${JSON.stringify(file)}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new KubeconfigError(`error loading config file ${JSON.stringify(file)}: not a kubeconfig object`);
  }
  return doc as KubeconfigDoc;
}

/** readKubeconfigFile reads a file; a missing file is undefined (callers decide whether that is an error). */
export function readKubeconfigFile(file: string): KubeconfigDoc | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KubeconfigError(`error loading config file ${JSON.stringify(file)}: ${(err as Error).message}`);
  }
  return parseKubeconfig(text, file);
}

/** requireKubeconfigFile is readKubeconfigFile for --kubeconfig, which must exist (kubectl: `stat X: no such file or directory`). */
export function requireKubeconfigFile(file: string): KubeconfigDoc {
  try {
    statSync(file);
  } catch {
    throw new KubeconfigError(`stat ${file}: no such file or directory`);
  }
  return readKubeconfigFile(file) ?? {};
}

/** serializeKubeconfig renders a document as YAML with kubectl's header fields first. */
export function serializeKubeconfig(doc: KubeconfigDoc): string {
  const ordered: KubeconfigDoc = {
    apiVersion: doc.apiVersion ?? 'v1',
    kind: doc.kind ?? 'Config',
    preferences: doc.preferences ?? {},
    'current-context': doc['current-context'] ?? '',
    clusters: doc.clusters ?? [],
    contexts: doc.contexts ?? [],
    users: doc.users ?? [],
    ...doc,
  };
  return stringify(ordered);
}

/**
 * writeKubeconfigFile writes atomically (temp file + rename, so kubectl never
 * reads half a file) with mode 0600, creating the folder (0700) if needed.
 */
export function writeKubeconfigFile(file: string, doc: KubeconfigDoc): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.mk-${process.pid}.tmp`;
  writeFileSync(tmp, serializeKubeconfig(doc), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
