/** `describe namespace` (describeNamespace): status, conditions, resource quotas and limit ranges. */
import type { KObject } from '@mk/api';
import { isNotFound } from '@mk/client';
import { canonicalQuantity } from './quantities';
import { listAll, timeOf, type DescribeEnv } from './env';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** Lists a namespace's objects of one kind; undefined when the server does not serve them (404). */
async function listOptional(env: DescribeEnv, path: string): Promise<KObject[] | undefined> {
  try {
    return await listAll(env, path, {});
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Describes a namespace. */
export async function describeNamespace(env: DescribeEnv, ns: KObject): Promise<string> {
  const name = encodeURIComponent(ns.metadata?.name ?? '');
  const quotas = await listOptional(env, `/api/v1/namespaces/${name}/resourcequotas`);
  const limitRanges = await listOptional(env, `/api/v1/namespaces/${name}/limitranges`);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    const status = (ns.status ?? {}) as { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[] };
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type}\t${c.status}\t${timeOf(env, c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (quotas) {
      w.write(LEVEL_0, '\n');
      describeQuotas(quotas, w);
    }
    if (limitRanges) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limitRanges, w);
    }
  });
}

function describeQuotas(quotas: KObject[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  const sorted = [...quotas].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = [...(((q.spec as { scopes?: string[] } | undefined)?.scopes) ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const status = (q.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    for (const r of sortedKeys(status.hard)) w.write(LEVEL_1, `${r}\t${canonicalQuantity(status.used?.[r] ?? '0')}\t${canonicalQuantity(status.hard![r])}\n`);
  }
}

type LimitItem = { type?: string; max?: Record<string, string>; min?: Record<string, string>; default?: Record<string, string>; defaultRequest?: Record<string, string>; maxLimitRequestRatio?: Record<string, string> };

function describeLimitRanges(ranges: KObject[], w: PrefixWriter): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) {
    for (const item of ((lr.spec as { limits?: LimitItem[] } | undefined)?.limits ?? [])) {
      const names = new Set([item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio].flatMap((m) => Object.keys(m ?? {})));
      const show = (m: Record<string, string> | undefined, k: string) => (m && k in m ? canonicalQuantity(m[k]) : '-');
      for (const k of [...names].sort()) {
        w.write(LEVEL_0, ` ${item.type ?? ''}\t${k}\t${show(item.min, k)}\t${show(item.max, k)}\t${show(item.defaultRequest, k)}\t${show(item.default, k)}\t${show(item.maxLimitRequestRatio, k)}\n`);
      }
    }
  }
}
