/**
 * One pod's pass through the filter plugins (frameworkImpl.RunPreFilterPlugins
 * / RunFilterPlugins / RunFilterPluginsWithNominatedPods). The CycleState holds
 * each filter plugin's PreFilter state, in profile order.
 */
import type { NodeInfo } from '../cache/node-info';
import type { PodInfo } from '../cache/pod-info';
import { errorStatus, Status } from '../framework/status';
import { SKIP, type AnyFilterPlugin, type Snapshot } from '../framework/types';

/** Per-cycle plugin state. */
export interface CycleState {
  /** State of filter plugin i (undefined for plugins without PreFilter). */
  states: unknown[];
  /** Filter plugin i returned SKIP and is not run for this pod. */
  skip: boolean[];
}

/** What the PreFilter phase decided. */
export interface PreFilterOutcome {
  cycle: CycleState;
  /** Candidate nodes when a plugin narrowed them (PreFilterResult); undefined = all nodes. */
  nodeNames?: Set<string>;
  /** Plugins that narrowed the nodes or rejected the pod. */
  pluginsWithNodes: Set<string>;
  /** A rejection (applies to every node) or an error. */
  status?: Status;
}

function sortedList(names: Set<string>): string {
  return `[${[...names].sort().join(' ')}]`;
}

/** RunPreFilterPlugins. */
export function runPreFilters(pod: PodInfo, filters: readonly AnyFilterPlugin[], snapshot: Snapshot): PreFilterOutcome {
  const cycle: CycleState = { states: new Array(filters.length), skip: new Array(filters.length).fill(false) };
  const pluginsWithNodes = new Set<string>();
  let nodeNames: Set<string> | undefined;
  let rejection: Status | undefined;
  for (let i = 0; i < filters.length; i++) {
    const pl = filters[i];
    if (!pl.preFilter) continue;
    const r = pl.preFilter(pod, snapshot);
    if (r === SKIP) {
      cycle.skip[i] = true;
      continue;
    }
    if (r instanceof Status) {
      const s = r.withPlugin(pl.name);
      // Unresolvable: preemption cannot help, stop here. Unschedulable: keep going so preemption has every state.
      if (s.code === 'UnschedulableAndUnresolvable') return { cycle, nodeNames, pluginsWithNodes, status: s };
      if (s.code === 'Unschedulable') {
        rejection = s;
        continue;
      }
      return { cycle, nodeNames, pluginsWithNodes, status: errorStatus(`running PreFilter plugin "${pl.name}": ${s.message()}`).withPlugin(pl.name) };
    }
    cycle.states[i] = r.state;
    if (r.nodeNames) {
      pluginsWithNodes.add(pl.name);
      nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => r.nodeNames!.has(n))) : new Set(r.nodeNames);
      if (nodeNames.size === 0) {
        const msg =
          pluginsWithNodes.size === 1
            ? `node(s) didn't satisfy plugin ${[...pluginsWithNodes][0]}`
            : `node(s) didn't satisfy plugin(s) ${sortedList(pluginsWithNodes)} simultaneously`;
        return { cycle, nodeNames, pluginsWithNodes, status: new Status('UnschedulableAndUnresolvable', [msg]) };
      }
    }
  }
  return { cycle, nodeNames, pluginsWithNodes, status: rejection };
}

/** The message for nodes a PreFilterResult left out. */
export function notSatisfiedPluginsMessage(plugins: Set<string>): string {
  return `node(s) didn't satisfy plugin(s) ${sortedList(plugins)}`;
}

/** RunFilterPlugins: null when the node fits, else the first plugin's rejection (or an error). */
export function runFilters(pod: PodInfo, node: NodeInfo, filters: readonly AnyFilterPlugin[], cycle: CycleState): Status | null {
  for (let i = 0; i < filters.length; i++) {
    if (cycle.skip[i]) continue;
    const pl = filters[i];
    const s = pl.filter(pod, node, cycle.states[i]);
    if (s === null) continue;
    if (!s.isRejected()) return errorStatus(`running "${pl.name}" filter plugin: ${s.message()}`).withPlugin(pl.name);
    return s.withPlugin(pl.name);
  }
  return null;
}

/** The node and cycle state as if `others` already ran there (addGENominatedPods). */
export function withPods(pod: PodInfo, node: NodeInfo, others: readonly PodInfo[], filters: readonly AnyFilterPlugin[], cycle: CycleState): { node: NodeInfo; cycle: CycleState } {
  const n = node.clone();
  const c: CycleState = { states: [...cycle.states], skip: cycle.skip };
  for (const other of others) {
    n.addPod(other);
    filters.forEach((pl, i) => {
      if (!c.skip[i] && pl.addPod) c.states[i] = pl.addPod(c.states[i], pod, other, n);
    });
  }
  return { node: n, cycle: c };
}

/**
 * RunFilterPluginsWithNominatedPods: pods nominated to this node with at least
 * this pod's priority (after preemption made room for them) count as if
 * running; the node must fit both with them and without them.
 */
export function runFiltersWithNominated(
  pod: PodInfo,
  node: NodeInfo,
  filters: readonly AnyFilterPlugin[],
  cycle: CycleState,
  nominated: readonly PodInfo[] | undefined,
): Status | null {
  if (!nominated) return runFilters(pod, node, filters, cycle);
  const others = nominated.filter((p) => p.uid !== pod.uid && p.priority >= pod.priority);
  if (others.length === 0) return runFilters(pod, node, filters, cycle);
  const added = withPods(pod, node, others, filters, cycle);
  const s = runFilters(pod, added.node, filters, added.cycle);
  if (s !== null) return s;
  return runFilters(pod, node, filters, cycle);
}
