/** `describe deployment` (describeDeployment), with its old and new ReplicaSets (deployment util). */
import type { KObject } from '@mk/api';
import { isControlledBy } from './controller-pods';
import { listAll, timeOf, type DescribeEnv } from './env';
import { describeEvents, searchEvents, targetOf } from './events';
import { labelSelectorString, printAnnotationsMultiline, printLabelsMultiline, type LabelSelectorSpec } from './format';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { describePodTemplate, type PodTemplate } from './pod-template';
import { goSort } from '../printers/sort-by';

type Spec = {
  replicas?: number;
  selector?: LabelSelectorSpec;
  minReadySeconds?: number;
  strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  template?: PodTemplate;
};

/** Deep equality that treats missing, null, empty maps and empty lists alike (Semantic.DeepEqual's nil rule). */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function withoutHash(template: PodTemplate | undefined): PodTemplate {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return { ...template, metadata: { ...template?.metadata, labels } };
}

/** The deployment's ReplicaSets: the new one (template equal, oldest first) and the old ones still scaled up. */
export async function replicaSetsOf(env: DescribeEnv, d: KObject): Promise<{ oldRSs: KObject[]; newRS?: KObject }> {
  const spec = (d.spec ?? {}) as Spec;
  const query: Record<string, string> = {};
  const sel = labelSelectorString(spec.selector);
  if (sel) query.labelSelector = sel;
  const all = await listAll(env, `/apis/apps/v1/namespaces/${encodeURIComponent(d.metadata?.namespace ?? '')}/replicasets`, query);
  const created = (rs: KObject) => Date.parse(rs.metadata?.creationTimestamp ?? '') || 0;
  const owned = goSort(
    all.filter((rs) => isControlledBy(rs, d.metadata?.uid)),
    (a, b) => (created(a) === created(b) ? (a.metadata?.name ?? '') < (b.metadata?.name ?? '') : created(a) < created(b)),
  );
  const template = withoutHash(spec.template);
  const newRS = owned.find((rs) => semanticEqual(withoutHash((rs.spec as Spec | undefined)?.template), template));
  const oldRSs = owned.filter((rs) => rs !== newRS && ((rs.spec as Spec | undefined)?.replicas ?? 0) !== 0);
  return { oldRSs, newRS };
}

function replicaSetsSummary(list: KObject[]): string {
  const text = list.map((rs) => `${rs.metadata?.name} (${(rs.status as { replicas?: number } | undefined)?.replicas ?? 0}/${(rs.spec as Spec | undefined)?.replicas ?? 0} replicas created)`).join(', ');
  return text || '<none>';
}

/** Describes a deployment. */
export async function describeDeployment(env: DescribeEnv, d: KObject): Promise<string> {
  const events = env.showEvents ? await searchEvents(env, targetOf(d)) : undefined;
  let sets: { oldRSs: KObject[]; newRS?: KObject } = { oldRSs: [] };
  try {
    sets = await replicaSetsOf(env, d);
  } catch {
    // kubectl leaves the ReplicaSet lines out when they cannot be listed.
  }
  const spec = (d.spec ?? {}) as Spec;
  const status = (d.status ?? {}) as { updatedReplicas?: number; replicas?: number; availableReplicas?: number; unavailableReplicas?: number; conditions?: { type: string; status: string; reason?: string }[] };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${timeOf(env, d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
    describePodTemplate(spec.template, w, env);
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (sets.oldRSs.length > 0 || sets.newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsSummary(sets.oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsSummary(sets.newRS ? [sets.newRS] : [])}\n`);
    }
    if (events) describeEvents(events, w, env.now);
  });
}
