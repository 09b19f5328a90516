/** Which rollbacker undoes which kind (polymorphichelpers RollbackerFor), with kubectl's errors. */
import { appsKindElement, groupKindString } from './kind-element';
import { controllerRollbacker } from './undo-controller';
import { rollbackDeployment } from './undo-deployment';
import type { Rollbacker } from './undo-types';

/** The rollbacker of a group and kind; throws for kinds that cannot be rolled back. */
export function rollbackerFor(group: string, kind: string): Rollbacker {
  const gk = JSON.stringify(groupKindString(group, kind));
  const element = appsKindElement(group, kind);
  if (!element) throw new Error(`error retrieving rollbacker for ${gk}, no visitor method exists for {${group} ${kind}}`);
  if (element === 'Deployment') return rollbackDeployment;
  if (element === 'DaemonSet' || element === 'StatefulSet') return controllerRollbacker(element);
  throw new Error(`no rollbacker has been implemented for ${gk}`);
}
