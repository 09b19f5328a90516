/** Which status viewer reads which kind (polymorphichelpers StatusViewerFor). */
import { groupKindString } from './kind-element';
import { daemonSetStatus } from './status-daemonset';
import { deploymentStatus } from './status-deployment';
import { statefulSetStatus } from './status-statefulset';
import type { StatusViewer } from './status-types';

/** The viewer of a group and kind; throws kubectl's error for kinds without rollouts. */
export function statusViewerFor(group: string, kind: string): StatusViewer {
  const appsLike = group === 'apps' || group === 'extensions';
  if (appsLike && kind === 'Deployment') return deploymentStatus;
  if (appsLike && kind === 'DaemonSet') return (obj) => daemonSetStatus(obj);
  if (group === 'apps' && kind === 'StatefulSet') return (obj) => statefulSetStatus(obj);
  throw new Error(`no status viewer has been implemented for ${groupKindString(group, kind)}`);
}
