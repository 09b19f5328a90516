/**
 * DefaultPreemption (PostFilter): when no node fits, look for a node where
 * evicting lower-priority pods would make room, pick the best such node and
 * the fewest, least important victims. Pure: returns the decision and the
 * message; the scheduler performs the evictions.
 */
import type { NodeInfo } from '../cache/node-info';
import type { PodInfo } from '../cache/pod-info';
import type { Profile } from '../framework/profile';
import { errorStatus, Status, unresolvable } from '../framework/status';
import type { Snapshot } from '../framework/types';
import { runFiltersWithNominated, type CycleState } from './cycle';
import { fitErrorMessage, newDiagnosis, NodeToStatus, type Diagnosis } from './fit-error';
import type { Nominations } from './schedule-pod';

export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod';
export const MSG_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const MSG_TERMINATING_ON_NOMINATED = 'not eligible due to a terminating pod on the nominated node.';
/** minCandidateNodesPercentage and minCandidateNodesAbsolute defaults. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** The PostFilter result: either a node to nominate with its victims, or why preemption cannot help. */
export interface PreemptionResult {
  /** Success, or Unschedulable with the message ("preemption: …") for the FitError. */
  status: Status;
  /** Node to nominate; '' clears an existing nomination; undefined leaves it unchanged. */
  nominatedNodeName?: string;
  victims: PodInfo[];
}

interface Candidate {
  node: NodeInfo;
  victims: PodInfo[];
}

function startTime(p: PodInfo, now: number): number {
  const t = p.pod.status?.startTime;
  return t ? Date.parse(t) : now;
}

/** util.MoreImportantPod: higher priority, then the one that started earlier. */
function moreImportantFirst(now: number) {
  return (a: PodInfo, b: PodInfo) => b.priority - a.priority || startTime(a, now) - startTime(b, now);
}

/** podTerminatingByPreemption. */
function terminatingByPreemption(p: PodInfo): boolean {
  if (!p.terminating) return false;
  const c = (p.pod.status?.conditions ?? []).find((x) => x.type === 'DisruptionTarget');
  return !!c && c.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/** PodEligibleToPreemptOthers: '' when eligible, else the reason. */
export function ineligibilityReason(pod: PodInfo, snapshot: Snapshot, statuses: NodeToStatus): string {
  if (pod.pod.spec?.preemptionPolicy === 'Never') return MSG_POLICY_NEVER;
  const nominated = pod.pod.status?.nominatedNodeName;
  if (nominated) {
    // A nominated node that became unusable for good gives the pod its chance to preempt elsewhere.
    if (statuses.get(nominated).code === 'UnschedulableAndUnresolvable') return '';
    const node = snapshot.get(nominated);
    if (node) {
      for (const p of node.pods.values()) if (p.priority < pod.priority && terminatingByPreemption(p)) return MSG_TERMINATING_ON_NOMINATED;
    }
  }
  return '';
}

/** SelectVictimsOnNode: remove every lower-priority pod, check the fit, then reprieve as many as possible, most important first. */
export function selectVictimsOnNode(
  pod: PodInfo,
  original: NodeInfo,
  profile: Profile,
  cycle: CycleState,
  nominations: Nominations,
  now: number,
): PodInfo[] | Status {
  const potential = [...original.pods.values()].filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return unresolvable(MSG_NO_VICTIMS);
  const node = original.clone();
  let c: CycleState = { states: [...cycle.states], skip: cycle.skip };
  const apply = (other: PodInfo, op: 'addPod' | 'removePod') => {
    if (op === 'addPod') node.addPod(other);
    else node.removePod(other.key);
    c = { ...c, states: c.states.map((s, i) => (c.skip[i] || !profile.filters[i][op] ? s : profile.filters[i][op]!(s, pod, other, node))) };
  };
  const fits = () => runFiltersWithNominated(pod, node, profile.filters, c, nominations.nominatedPodsForNode(node.name));

  for (const p of potential) apply(p, 'removePod');
  const s = fits();
  if (s !== null) return s;

  potential.sort(moreImportantFirst(now));
  const victims: PodInfo[] = [];
  for (const p of potential) {
    apply(p, 'addPod');
    if (fits() !== null) {
      apply(p, 'removePod');
      victims.push(p);
    }
  }
  if (victims.length === 0) return errorStatus(`expected at least one victim pod on node "${node.name}"`);
  return victims;
}

/** calculateNumCandidates: 10% of the nodes, at least 100, at most all. */
export function numCandidates(numNodes: number): number {
  const n = Math.max(Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE);
  return Math.min(n, numNodes);
}

/** pickOneNodeForPreemption without PodDisruptionBudgets: lowest top victim priority, lowest priority sum, fewest victims, latest start. */
export function pickCandidate(candidates: readonly Candidate[], now: number): Candidate {
  const INT32_OFFSET = 2 ** 31;
  const criteria: ((c: Candidate) => number)[] = [
    (c) => -c.victims[0].priority,
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + INT32_OFFSET, 0),
    (c) => -c.victims.length,
    (c) => {
      const top = c.victims[0].priority;
      return Math.min(...c.victims.filter((v) => v.priority === top).map((v) => startTime(v, now)));
    },
  ];
  let remaining = [...candidates];
  for (const score of criteria) {
    if (remaining.length === 1) break;
    const best = Math.max(...remaining.map(score));
    remaining = remaining.filter((c) => score(c) === best);
  }
  return remaining[0];
}

/**
 * Evaluator.Preempt. `diagnosis` holds the filter statuses of the failed cycle;
 * `numAllNodes` is the size of the snapshot.
 */
export function preempt(
  pod: PodInfo,
  snapshot: Snapshot,
  profile: Profile,
  cycle: CycleState,
  diagnosis: Diagnosis,
  nominations: Nominations,
  opts: { now: number; random?: () => number },
): PreemptionResult {
  const reason = ineligibilityReason(pod, snapshot, diagnosis.nodeToStatus);
  if (reason) return { status: new Status('Unschedulable', [`preemption: ${reason}`]), victims: [] };

  const all = snapshot.nodes;
  const potential = all.filter((n) => diagnosis.nodeToStatus.get(n.name).code === 'Unschedulable');
  const statuses = new NodeToStatus(new Status('UnschedulableAndUnresolvable', [MSG_NOT_HELPFUL]));
  const candidates: Candidate[] = [];
  if (potential.length > 0) {
    const offset = Math.floor((opts.random ?? Math.random)() * potential.length);
    const wanted = numCandidates(potential.length);
    for (let i = 0; i < potential.length && candidates.length < wanted; i++) {
      const node = potential[(offset + i) % potential.length];
      const r = selectVictimsOnNode(pod, node, profile, cycle, nominations, opts.now);
      if (r instanceof Status) statuses.set(node.name, r);
      else candidates.push({ node, victims: r });
    }
  }
  if (candidates.length === 0) {
    const d = newDiagnosis();
    d.nodeToStatus = statuses;
    // An empty nomination clears one the pod may still carry.
    return { status: new Status('Unschedulable', [`preemption: ${fitErrorMessage(all.length, d)}`]), nominatedNodeName: '', victims: [] };
  }
  const best = pickCandidate(candidates, opts.now);
  return { status: new Status('Success'), nominatedNodeName: best.node.name, victims: best.victims };
}
