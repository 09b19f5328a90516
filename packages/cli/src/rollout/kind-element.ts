/** kubectl's apps.GroupKindElement: which workload kinds its history and rollback visitors recognise. */

/** The kinds kubectl's KindVisitor has a method for. */
export type AppsKind = 'DaemonSet' | 'Deployment' | 'Job' | 'Pod' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet' | 'CronJob';

/** GroupKindElement.Accept: the visited kind, or undefined where kubectl says "no visitor method exists". */
export function appsKindElement(group: string, kind: string): AppsKind | undefined {
  const appsOrExtensions = group === 'apps' || group === 'extensions';
  const core = group === '' || group === 'core';
  if (appsOrExtensions && (kind === 'DaemonSet' || kind === 'Deployment' || kind === 'ReplicaSet')) return kind;
  if (group === 'apps' && kind === 'StatefulSet') return kind;
  if (group === 'batch' && (kind === 'Job' || kind === 'CronJob')) return kind;
  if (core && (kind === 'Pod' || kind === 'ReplicationController')) return kind;
  return undefined;
}

/** schema.GroupKind.String(): `Kind.group`, or `Kind` for the core group. */
export function groupKindString(group: string, kind: string): string {
  return group ? `${kind}.${group}` : kind;
}
