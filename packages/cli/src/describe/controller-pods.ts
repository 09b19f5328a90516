/** getPodStatusForController: phases of the pods a controller owns, found by its selector. */
import type { KObject } from '@mk/api';
import { listAll, type DescribeEnv } from './env';
import { labelSelectorString, type LabelSelectorSpec } from './format';

/** Pod counts by phase. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** True when obj's controller owner reference points at uid. */
export function isControlledBy(obj: KObject, uid: string | undefined): boolean {
  return (obj.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === uid);
}

/** Lists the namespace's pods matching the selector and counts those the owner controls. */
export async function podStatusForController(env: DescribeEnv, owner: KObject, selector: LabelSelectorSpec | undefined): Promise<PodPhaseCounts> {
  const ns = owner.metadata?.namespace ?? '';
  const query: Record<string, string> = {};
  const sel = labelSelectorString(selector);
  if (sel) query.labelSelector = sel;
  const pods = await listAll(env, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`, query);
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    if (!isControlledBy(pod, owner.metadata?.uid)) continue;
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

/** `N Running / N Waiting / N Succeeded / N Failed`. */
export function formatPodCounts(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
