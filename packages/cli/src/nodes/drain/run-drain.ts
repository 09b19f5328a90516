/**
 * `drain`: cordon the nodes, then evict (or delete) their pods and wait until
 * they are gone, with kubectl's refusals, warnings, messages and exit status
 * (kubectl/pkg/cmd/drain/drain.go RunDrain).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { parseLabelSelector } from '@mk/api';
import { isApiError, isNotFound, type ApiClient } from '@mk/client';
import { CliError, type CliContext } from '../../context';
import { apiErrorMessage } from '../../error-boundary';
import { withDryRunSuffix } from '../../mutate/dry-run';
import { setUnschedulable } from '../cordon';
import { validateNodeArgs } from '../node-args';
import { selectNodes } from '../node-targets';
import { classifyPods, daemonSetKeys, drainErrors, drainWarnings, podsToDelete, type DaemonSetLookup, type DrainFilterOptions } from './pod-filters';
import { deletePods, dryRunEvictionLine, evictPods, type RemovalDeps, type RemovalOptions } from './remove-pods';

/** The drain flags, parsed. */
export interface DrainOptions extends DrainFilterOptions, RemovalOptions {
  nodeNames: string[];
  selector?: string;
  podSelector?: string;
  disableEviction: boolean;
}

/** Time and waiting, injectable for tests. */
export type DrainClock = Pick<RemovalDeps, 'sleep' | 'now' | 'pollIntervalMs' | 'retryDelayMs'>;

/** A node that could not be drained: the aggregate's parts, and how the final error line renders them. */
interface NodeFailure {
  name: string;
  messages: string[];
  /** The final error text when this is the only failure (an API error prints as kubectl's StandardErrorMessage). */
  finalLines: string[];
}

/** validateDrainArgs applies kubectl's Complete checks. */
export function validateDrainArgs(opts: Pick<DrainOptions, 'nodeNames' | 'selector' | 'podSelector'>): void {
  validateNodeArgs('drain', opts.nodeNames, opts.selector);
  if (opts.podSelector) {
    try {
      parseLabelSelector(opts.podSelector);
    } catch {
      throw new CliError('--pod-selector=<pod_selector> must be a valid label selector');
    }
  }
}

/** runDrain drains the selected nodes; a failure on one node does not stop the others, and makes the command exit 1. */
export async function runDrain(ctx: CliContext, opts: DrainOptions, clock: DrainClock): Promise<void> {
  validateDrainArgs(opts);
  const client = await ctx.client();
  const nodes = await selectNodes(client, opts.nodeNames, opts.selector);
  await setUnschedulable(client, ctx.io, nodes, true, opts.dryRun);

  const failures: NodeFailure[] = [];
  for (const node of nodes) {
    const failure = await drainNode(ctx, client, node, opts, clock);
    if (!failure) {
      ctx.io.out(`node/${node.metadata?.name} ${withDryRunSuffix('drained', opts.dryRun)}\n`);
      continue;
    }
    const inline = failure.messages.length === 1 ? failure.messages[0] : `[${failure.messages.join(', ')}]`;
    ctx.io.err(`error: unable to drain node ${JSON.stringify(failure.name)} due to error: ${inline}, continuing command...\n`);
    failures.push(failure);
  }
  if (failures.length === 0) return;
  ctx.io.err(`There are pending nodes to be drained:\n${failures.map((f) => ` ${f.name}\n`).join('')}`);
  // kubectl prints an aggregate of errors one per line, without the "error: " prefix.
  const lines = failures.length === 1 ? failures[0]!.finalLines : failures.map((f) => (f.messages.length === 1 ? f.messages[0]! : `[${f.messages.join(', ')}]`));
  ctx.io.err(lines.map((l) => l + '\n').join(''));
  throw new CliError('');
}

async function drainNode(ctx: CliContext, client: ApiClient, node: Node, opts: DrainOptions, clock: DrainClock): Promise<NodeFailure | undefined> {
  const name = node.metadata?.name ?? '';
  const listed = await podsForDeletion(client, name, opts, ctx.now());
  if (listed.errors.length) return { name, messages: listed.errors, finalLines: listed.errors };
  if (listed.warnings) ctx.io.err(`Warning: ${listed.warnings}\n`);
  if (opts.dryRun === 'client') {
    for (const pod of listed.pods) ctx.io.out(dryRunEvictionLine(pod));
    return undefined;
  }
  let errors: string[];
  const deps: RemovalDeps = { client, out: ctx.io.out, err: ctx.io.err, ...clock };
  try {
    errors = (await usesEviction(client, opts)) ? await evictPods(listed.pods, opts, deps) : await deletePods(listed.pods, opts, deps);
  } catch (err) {
    if (!isApiError(err)) throw err;
    return { name, messages: [err.message], finalLines: [apiErrorMessage(err.status)] };
  }
  if (errors.length === 0) return undefined;
  const unique = [...new Set(errors)];
  const summary = unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
  const pending = await podsForDeletion(client, name, opts, ctx.now()).catch(() => undefined);
  if (pending && pending.pods.length > 0) {
    ctx.io.err(`There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${summary}\n${pending.pods.map((p) => `pod/${p.metadata?.name}\n`).join('')}`);
  }
  return { name, messages: unique, finalLines: unique };
}

/** GetPodsForDeletion: the node's pods (narrowed by --pod-selector) through the filters. */
async function podsForDeletion(client: ApiClient, nodeName: string, opts: DrainOptions, now: Date): Promise<{ pods: Pod[]; warnings: string; errors: string[] }> {
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${nodeName}` };
  if (opts.podSelector) query.labelSelector = opts.podSelector;
  const list = await client.request<{ items?: Pod[] }>('GET', '/api/v1/pods', { query });
  const pods = list.items ?? [];
  const daemonSets = new Map<string, DaemonSetLookup>();
  for (const key of daemonSetKeys(pods)) {
    const [ns, dsName] = key.split('/') as [string, string];
    try {
      await client.request('GET', `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/daemonsets/${encodeURIComponent(dsName)}`);
      daemonSets.set(key, { found: true });
    } catch (err) {
      if (!isApiError(err)) throw err;
      daemonSets.set(key, { found: false, notFound: isNotFound(err), message: err.message });
    }
  }
  const verdicts = classifyPods(pods, opts, daemonSets, now);
  return { pods: podsToDelete(verdicts), warnings: drainWarnings(verdicts), errors: drainErrors(verdicts) };
}

/** CheckEvictionSupport: evict when the server serves pods/eviction, unless --disable-eviction. */
async function usesEviction(client: ApiClient, opts: DrainOptions): Promise<boolean> {
  if (opts.disableEviction) return false;
  const pods = (await client.discover()).find((r) => r.group === '' && r.plural === 'pods');
  return !!pods?.subresources.includes('eviction');
}
