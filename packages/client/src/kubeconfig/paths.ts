/** Which kubeconfig files kubectl reads, and which one it writes to. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where to look: the --kubeconfig flag, the environment and the home directory. */
export interface KubeconfigLocation {
  /** --kubeconfig: the only file read; it must exist. */
  kubeconfig?: string;
  env: Record<string, string | undefined>;
  /** Home directory (default $HOME, else the OS's). */
  homeDir?: string;
}

/** homeDirOf returns $HOME (what kubectl uses), falling back to the OS's idea of home. */
export function homeDirOf(loc: Pick<KubeconfigLocation, 'env' | 'homeDir'>): string {
  return loc.homeDir ?? loc.env.HOME ?? loc.env.USERPROFILE ?? homedir();
}

/** defaultKubeconfigPath is ~/.kube/config. */
export function defaultKubeconfigPath(loc: Pick<KubeconfigLocation, 'env' | 'homeDir'>): string {
  return join(homeDirOf(loc), '.kube', 'config');
}

/** envKubeconfigFiles splits $KUBECONFIG (colon-separated on POSIX), dropping empties and duplicates. */
export function envKubeconfigFiles(env: Record<string, string | undefined>): string[] {
  const raw = env.KUBECONFIG ?? '';
  return [...new Set(raw.split(delimiter).filter((p) => p !== ''))];
}

/**
 * kubeconfigReadOrder lists the files kubectl merges, highest precedence first:
 * --kubeconfig alone; else every $KUBECONFIG entry; else ~/.kube/config.
 */
export function kubeconfigReadOrder(loc: KubeconfigLocation): { files: string[]; explicit: boolean } {
  if (loc.kubeconfig) return { files: [loc.kubeconfig], explicit: true };
  const fromEnv = envKubeconfigFiles(loc.env);
  if (fromEnv.length > 0) return { files: fromEnv, explicit: false };
  return { files: [defaultKubeconfigPath(loc)], explicit: false };
}

/**
 * kubeconfigWriteTarget is the file `kubectl config set-context` would write a
 * new entry to (clientcmd's GetDefaultFilename): --kubeconfig; else the only
 * $KUBECONFIG file, or the first existing one, or the last one; else ~/.kube/config.
 */
export function kubeconfigWriteTarget(loc: KubeconfigLocation, exists: (path: string) => boolean = existsSync): string {
  if (loc.kubeconfig) return loc.kubeconfig;
  const fromEnv = envKubeconfigFiles(loc.env);
  if (fromEnv.length === 1) return fromEnv[0]!;
  if (fromEnv.length > 1) return fromEnv.find((f) => exists(f)) ?? fromEnv[fromEnv.length - 1]!;
  return defaultKubeconfigPath(loc);
}
