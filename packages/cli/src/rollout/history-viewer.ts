/** Which history viewer reads which kind (polymorphichelpers HistoryViewerFor), with kubectl's errors. */
import { appsKindElement, groupKindString } from './kind-element';
import { controllerHistoryViewer } from './history-controller';
import { deploymentHistory } from './history-deployment';
import type { HistoryViewer } from './history-types';

/** The viewer of a group and kind; throws for kinds without history. */
export function historyViewerFor(group: string, kind: string): HistoryViewer {
  const gk = groupKindString(group, kind);
  const element = appsKindElement(group, kind);
  if (!element) throw new Error(`error retrieving history for ${JSON.stringify(gk)}, no visitor method exists for {${group} ${kind}}`);
  if (element === 'Deployment') return deploymentHistory;
  if (element === 'DaemonSet' || element === 'StatefulSet') return controllerHistoryViewer(element);
  throw new Error(`no history viewer has been implemented for ${JSON.stringify(gk)}`);
}
