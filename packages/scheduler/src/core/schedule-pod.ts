/**
 * The scheduling algorithm for one pod (schedulePod / findNodesThatFitPod):
 * PreFilter, the nominated node first, Filter from a rotating start until
 * enough feasible nodes are found, then Score and pick. Pure over a snapshot;
 * the caller does the I/O.
 */
import type { NodeInfo } from '../cache/node-info';
import type { PodInfo } from '../cache/pod-info';
import type { Profile } from '../framework/profile';
import { Status } from '../framework/status';
import type { Snapshot } from '../framework/types';
import { notSatisfiedPluginsMessage, runFiltersWithNominated, runPreFilters, type CycleState } from './cycle';
import { addPluginStatus, newDiagnosis, type Diagnosis } from './fit-error';
import { numFeasibleNodesToFind } from './num-feasible';
import { prioritizeNodes, selectHost } from './prioritize';

/** Pods nominated to nodes (after preemption), which filtering must account for. */
export interface Nominations {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[] | undefined;
}

export type ScheduleOutcome =
  | { kind: 'scheduled'; node: NodeInfo; evaluatedNodes: number; feasibleNodes: number }
  | { kind: 'unschedulable'; numAllNodes: number; diagnosis: Diagnosis; cycle: CycleState }
  /** The cluster has no nodes (ErrNoNodesAvailable). */
  | { kind: 'noNodes' }
  | { kind: 'error'; status: Status };

export class SchedulingAlgorithm {
  /** Where the next filter pass starts, so every node gets its turn (nextStartNodeIndex). */
  private nextStartNodeIndex = 0;

  constructor(
    readonly profile: Profile,
    private readonly nominations: Nominations,
    private readonly random: () => number = Math.random,
  ) {}

  schedulePod(pod: PodInfo, snapshot: Snapshot): ScheduleOutcome {
    const all = snapshot.nodes;
    if (all.length === 0) return { kind: 'noNodes' };
    const filters = this.profile.filters;
    const pre = runPreFilters(pod, filters, snapshot);
    const diagnosis = newDiagnosis();
    for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p);
    if (pre.status) {
      if (!pre.status.isRejected()) return { kind: 'error', status: pre.status };
      diagnosis.nodeToStatus.absent = pre.status;
      diagnosis.preFilterMsg = pre.status.message();
      addPluginStatus(diagnosis, pre.status);
      return { kind: 'unschedulable', numAllNodes: all.length, diagnosis, cycle: pre.cycle };
    }

    // A pod that preempted others tries the node it was nominated to first.
    const nominatedName = pod.pod.status?.nominatedNodeName;
    const nominated = nominatedName ? snapshot.get(nominatedName) : undefined;
    if (nominated) {
      const r = this.filterNodes(pod, [nominated], pre.cycle, diagnosis, 0, 1);
      if (r instanceof Status) return { kind: 'error', status: r };
      if (r.length > 0) return { kind: 'scheduled', node: nominated, evaluatedNodes: 1, feasibleNodes: 1 };
    }

    let nodes = all;
    if (pre.nodeNames) {
      nodes = [...pre.nodeNames].map((n) => snapshot.get(n)).filter((n): n is NodeInfo => n !== undefined);
      diagnosis.nodeToStatus.absent = new Status('UnschedulableAndUnresolvable', [notSatisfiedPluginsMessage(pre.pluginsWithNodes)]);
    }
    const numToFind = numFeasibleNodesToFind(nodes.length, this.profile.percentageOfNodesToScore);
    const feasible = this.filterNodes(pod, nodes, pre.cycle, diagnosis, this.nextStartNodeIndex, numToFind);
    if (feasible instanceof Status) return { kind: 'error', status: feasible };
    this.nextStartNodeIndex = (this.nextStartNodeIndex + feasible.length + diagnosis.nodeToStatus.size) % all.length;

    if (feasible.length === 0) return { kind: 'unschedulable', numAllNodes: all.length, diagnosis, cycle: pre.cycle };
    const evaluatedNodes = feasible.length + diagnosis.nodeToStatus.size;
    if (feasible.length === 1) return { kind: 'scheduled', node: feasible[0], evaluatedNodes, feasibleNodes: 1 };
    const totals = prioritizeNodes(pod, feasible, this.profile.scores, snapshot);
    return { kind: 'scheduled', node: selectHost(feasible, totals, this.random), evaluatedNodes, feasibleNodes: feasible.length };
  }

  /** findNodesThatPassFilters: statuses of rejected nodes go into the diagnosis; an Error aborts. */
  private filterNodes(pod: PodInfo, nodes: readonly NodeInfo[], cycle: CycleState, diagnosis: Diagnosis, start: number, numToFind: number): NodeInfo[] | Status {
    const feasible: NodeInfo[] = [];
    const n = nodes.length;
    for (let i = 0; i < n && feasible.length < numToFind; i++) {
      const node = nodes[(start + i) % n];
      const s = runFiltersWithNominated(pod, node, this.profile.filters, cycle, this.nominations.nominatedPodsForNode(node.name));
      if (s === null) {
        feasible.push(node);
      } else if (s.code === 'Error') {
        return s;
      } else {
        diagnosis.nodeToStatus.set(node.name, s);
        addPluginStatus(diagnosis, s);
      }
    }
    return feasible;
  }
}
