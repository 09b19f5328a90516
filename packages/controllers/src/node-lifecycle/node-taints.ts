/**
 * The taints the node lifecycle controller owns, as a pure diff:
 * - NoSchedule taints mirroring conditions (TaintNodesByCondition) and
 *   spec.unschedulable (upstream doNoScheduleTaintingPass), so the scheduler
 *   only has to look at taints;
 * - the NoExecute not-ready/unreachable taint mirroring the Ready condition
 *   (upstream processTaintBaseEviction), which is what evicts pods.
 * Taints it does not own are never touched. Added taints carry timeAdded, as
 * upstream's SwapNodeControllerTaint stamps every taint it adds.
 */
import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../framework/time';
import {
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from './constants';
import type { NoExecuteGate } from './zone-state';

/** {condition type: {status: taint key}} (upstream nodeConditionToTaintKeyStatusMap). */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};

const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));
const NO_EXECUTE_KEYS = [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE];

export interface NodeTaintsInput {
  node: Readonly<Node>;
  /** The node's conditions after this pass (including ones the controller is about to write). */
  conditions: readonly Readonly<NodeCondition>[];
  /** May NoExecute taints be added (see zone-state)? */
  gate: NoExecuteGate;
  now: Date;
}

export interface TaintChange {
  /** The node's complete new taint list. */
  taints: Taint[];
  added: Taint[];
  removed: Taint[];
}

const sameTaint = (a: Pick<Taint, 'key' | 'effect'>, b: Pick<Taint, 'key' | 'effect'>) => a.key === b.key && a.effect === b.effect;

/** NoSchedule taints the node should carry for its conditions and spec.unschedulable. */
export function desiredNoScheduleTaints(conditions: readonly Readonly<NodeCondition>[], unschedulable: boolean): Pick<Taint, 'key' | 'effect'>[] {
  const out: Pick<Taint, 'key' | 'effect'>[] = [];
  for (const c of conditions) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  if (unschedulable) out.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/** The NoExecute taint key the Ready status asks for; null = none; undefined = leave as is. */
function wantedNoExecuteKey(readyStatus: string | undefined, current: readonly Readonly<Taint>[], gate: NoExecuteGate): string | null | undefined {
  if (gate === 'untaint' || readyStatus === 'True') return null;
  const key = readyStatus === 'False' ? TAINT_NODE_NOT_READY : readyStatus === 'Unknown' ? TAINT_NODE_UNREACHABLE : undefined;
  if (key === undefined) return undefined;
  // Swapping not-ready <-> unreachable is immediate upstream; only a fresh taint waits for the zone.
  const tainted = current.some((t) => t.effect === 'NoExecute' && NO_EXECUTE_KEYS.includes(t.key));
  if (gate === 'hold' && !tainted) return undefined;
  return key;
}

/** The taint change the node needs, or undefined when its owned taints are already right. */
export function planNodeTaints(input: NodeTaintsInput): TaintChange | undefined {
  const { node, conditions, gate, now } = input;
  const current = (node.spec?.taints ?? []) as readonly Readonly<Taint>[];
  const owned = (t: Readonly<Taint>) =>
    (t.effect === 'NoSchedule' && (t.key === TAINT_NODE_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key))) ||
    (t.effect === 'NoExecute' && NO_EXECUTE_KEYS.includes(t.key));

  const desired = desiredNoScheduleTaints(conditions, node.spec?.unschedulable === true);
  const readyStatus = conditions.find((c) => c.type === 'Ready')?.status;
  const noExecuteKey = wantedNoExecuteKey(readyStatus, current, gate);
  const keepNoExecute = (t: Readonly<Taint>) => t.effect === 'NoExecute' && noExecuteKey === undefined;
  if (noExecuteKey) desired.push({ key: noExecuteKey, effect: 'NoExecute' });

  const removed = current.filter((t) => owned(t) && !keepNoExecute(t) && !desired.some((d) => sameTaint(d, t)));
  const stamp = rfc3339(now);
  const added = desired.filter((d) => !current.some((t) => sameTaint(d, t))).map((d): Taint => ({ key: d.key, effect: d.effect, timeAdded: stamp }));
  if (removed.length === 0 && added.length === 0) return undefined;
  const taints = [...current.filter((t) => !removed.includes(t)).map((t) => structuredClone(t) as Taint), ...added];
  return { taints, added, removed: removed.map((t) => structuredClone(t) as Taint) };
}
