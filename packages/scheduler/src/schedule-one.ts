/**
 * One pod's trip through the scheduler (scheduleOne): the synchronous
 * scheduling cycle — algorithm, preemption when nothing fits, assume — then
 * the asynchronous binding cycle. Failures are reported as upstream does: a
 * FailedScheduling event, PodScheduled=False on the pod, and a requeue.
 */
import type { Clock, KObject } from '@mk/api';
import { isNotFound, type ApiClient, type EventRecorder } from '@mk/client';
import type { Pod } from 'kubernetes-types/core/v1';
import { bindPod, BINDER_PLUGIN } from './api/binder';
import type { Limiter } from '@mk/client';
import { conditionPatch } from './api/pod-status';
import { deletePod, patchPodStatus } from './api/pod-writes';
import { withNodeName, type PodInfo } from './cache/pod-info';
import type { SchedulerCache } from './cache/scheduler-cache';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, truncateMessage } from './core/fit-error';
import { preempt } from './core/preemption';
import type { ScheduleOutcome, SchedulingAlgorithm } from './core/schedule-pod';
import { ActionType } from './framework/types';
import type { Nominator } from './queue/nominator';
import type { QueuedPodInfo, SchedulingQueue } from './queue/scheduling-queue';

export interface ScheduleOneDeps {
  client: ApiClient;
  algorithm: SchedulingAlgorithm;
  cache: SchedulerCache;
  queue: SchedulingQueue;
  nominator: Nominator;
  /** Bounds bindings in flight. */
  binds: Limiter;
  /** Bounds status patches and evictions in flight. */
  writes: Limiter;
  recorder: EventRecorder;
  clock: Clock;
  /** The informer's current version of a pod (namespace/name). */
  currentPod(key: string): Pod | undefined;
  schedulerName: string;
  random: () => number;
  log: (message: string) => void;
}

type Unschedulable = Extract<ScheduleOutcome, { kind: 'unschedulable' }>;

const asObject = (pod: Pod) => pod as unknown as KObject;

export class PodScheduler {
  constructor(private readonly d: ScheduleOneDeps) {}

  /** Runs the scheduling cycle of a popped pod; the binding it starts runs on in the background. */
  async scheduleOne(q: QueuedPodInfo): Promise<void> {
    const pod = q.podInfo;
    // skipPodSchedule: a pod being deleted, or one already assumed, needs nothing from us.
    if (pod.terminating || this.d.cache.isAssumed(pod.key)) return this.d.queue.done(pod.key, pod.uid);
    const outcome = this.d.algorithm.schedulePod(pod, this.d.cache);
    switch (outcome.kind) {
      case 'scheduled':
        return this.assumeAndBind(q, outcome.node.name);
      case 'noNodes':
        return this.fail(q, ERR_NO_NODES_AVAILABLE, 'Unschedulable', new Set());
      case 'error':
        return this.fail(q, outcome.status.message(), 'SchedulerError', new Set());
      case 'unschedulable':
        return this.unschedulable(q, outcome);
    }
  }

  /** PostFilter (preemption), then the failure with the full FitError message. */
  private async unschedulable(q: QueuedPodInfo, outcome: Unschedulable): Promise<void> {
    const pod = q.podInfo;
    const result = preempt(pod, this.d.cache, this.d.algorithm.profile, outcome.cycle, outcome.diagnosis, this.d.nominator, {
      now: this.d.clock.now().getTime(),
      random: this.d.random,
    });
    if (result.status.code !== 'Success') outcome.diagnosis.postFilterMsg = result.status.message();
    if (result.victims.length > 0 && result.nominatedNodeName) await this.evict(pod, result.nominatedNodeName, result.victims);
    this.fail(q, fitErrorMessage(outcome.numAllNodes, outcome.diagnosis), 'Unschedulable', outcome.diagnosis.unschedulablePlugins, result.nominatedNodeName);
  }

  /** Assume: count the pod on the node now, so the next cycle sees it; then bind in the background. */
  private assumeAndBind(q: QueuedPodInfo, nodeName: string): void {
    const assumed = withNodeName(q.podInfo, nodeName);
    this.d.cache.assumePod(assumed);
    this.d.queue.done(assumed.key, assumed.uid);
    this.d.nominator.remove(assumed.key);
    void this.d.binds.run(() => this.bind(q, assumed));
  }

  private async bind(q: QueuedPodInfo, assumed: PodInfo): Promise<void> {
    try {
      await bindPod(this.d.client, assumed.namespace, assumed.name, assumed.uid, assumed.nodeName);
    } catch (e) {
      // Forgetting the assumption frees room, which is news for other pending pods (but not for this one).
      this.d.cache.forgetPod(assumed.key);
      this.d.queue.moveAllToActiveOrBackoff({ resource: 'Pod', action: ActionType.Delete, label: 'AssignedPodDelete', oldObj: assumed.pod }, assumed.key);
      this.fail(q, `running Bind plugin "${BINDER_PLUGIN}": ${(e as Error).message}`, 'SchedulerError', new Set());
      return;
    }
    this.d.recorder.event(asObject(assumed.pod), 'Normal', 'Scheduled', `Successfully assigned ${assumed.namespace}/${assumed.name} to ${assumed.nodeName}`);
  }

  /**
   * handleSchedulingFailure: requeue (unless the pod is gone or bound
   * meanwhile), record the nomination, emit FailedScheduling and set
   * PodScheduled=False with the same message.
   */
  private fail(q: QueuedPodInfo, message: string, reason: 'Unschedulable' | 'SchedulerError', plugins: ReadonlySet<string>, nominatedNodeName?: string): void {
    const key = q.podInfo.key;
    const current = this.d.currentPod(key);
    // Gone, replaced, or bound meanwhile (a binding that timed out but landed): nothing to retry or report.
    if (!current || current.metadata?.uid !== q.podInfo.uid || current.spec?.nodeName) {
      this.d.queue.done(key, q.podInfo.uid);
      return;
    }
    this.d.queue.addUnschedulable(q, plugins);
    if (nominatedNodeName !== undefined) this.d.nominator.nominate(q.podInfo, nominatedNodeName);

    this.d.recorder.event(asObject(current), 'Warning', 'FailedScheduling', truncateMessage(message));
    const patch = conditionPatch(current, { type: 'PodScheduled', status: 'False', reason, message }, this.d.clock.now(), nominatedNodeName);
    if (patch) this.write(key, () => patchPodStatus(this.d.client, q.podInfo.namespace, q.podInfo.name, patch));
  }

  /** prepareCandidate: mark each victim DisruptionTarget, delete it, and drop weaker nominations on the node. */
  private async evict(preemptor: PodInfo, nodeName: string, victims: readonly PodInfo[]): Promise<void> {
    const now = this.d.clock.now();
    const condition = {
      type: 'DisruptionTarget',
      status: 'True' as const,
      reason: 'PreemptionByScheduler',
      message: `${this.d.schedulerName}: preempting to accommodate a higher priority pod`,
    };
    await Promise.all(
      victims.map((v) =>
        this.d.writes.run(async () => {
          const current = this.d.currentPod(v.key) ?? v.pod;
          try {
            const patch = conditionPatch(current, condition, now);
            if (patch) await patchPodStatus(this.d.client, v.namespace, v.name, patch);
            await deletePod(this.d.client, v.namespace, v.name);
          } catch (e) {
            if (!isNotFound(e)) this.d.log(`preempting ${v.key}: ${(e as Error).message}`);
            return;
          }
          this.d.recorder.event(asObject(current), 'Normal', 'Preempted', `Preempted by pod ${preemptor.uid} on node ${nodeName}`);
        }),
      ),
    );
    for (const p of this.d.nominator.nominatedPodsForNode(nodeName) ?? []) {
      if (p.priority >= preemptor.priority || p.key === preemptor.key) continue;
      this.d.nominator.remove(p.key);
      this.write(p.key, () => patchPodStatus(this.d.client, p.namespace, p.name, { status: { nominatedNodeName: null } }));
    }
  }

  /** A background write; failures are logged (the pod's next attempt writes again). */
  private write(key: string, fn: () => Promise<void>): void {
    void this.d.writes.run(fn).catch((e) => {
      if (!isNotFound(e)) this.d.log(`updating pod ${key}: ${(e as Error).message}`);
    });
  }
}
