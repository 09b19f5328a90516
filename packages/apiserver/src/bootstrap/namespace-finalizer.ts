/**
 * Finishes namespace deletion: deletes everything in a Terminating namespace,
 * then drops the `kubernetes` finalizer so the namespace itself goes. Runs in
 * the API server for now (upstream: the namespace controller); it works only
 * through the storage layer's public operations and is restartable: on start
 * it resumes every namespace still Terminating.
 */
import { allKinds, findKind, type KObject } from '@mk/api';
import type { ServerContext } from '../context';
import { StatusError } from '../errors';
import { deleteStored } from '../rest/delete';
import type { RestRequest } from '../rest/request';

export class NamespaceFinalizer {
  private running = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private ctx: () => ServerContext,
    private retryMs = 1000,
  ) {}

  terminate(name: string): void {
    if (this.running.has(name) || this.closed) return;
    const run = this.finish(name).finally(() => this.running.delete(name));
    this.running.set(name, run);
  }

  async resumeAll(): Promise<void> {
    const nsInfo = findKind('', 'v1', 'namespaces')!;
    const { items } = await this.ctx().resources.list(nsInfo, undefined, {});
    for (const ns of items) if (ns.metadata?.deletionTimestamp) this.terminate(ns.metadata.name!);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
  }

  private async finish(name: string): Promise<void> {
    while (!this.closed) {
      try {
        const remaining = await this.deleteContents(name);
        if (remaining === 0) {
          await this.removeFinalizer(name);
          return;
        }
      } catch (e) {
        if (e instanceof StatusError && e.reason === 'NotFound') return;
      }
      await new Promise((r) => setTimeout(r, this.retryMs).unref?.());
    }
  }

  /** Deletes what is left; returns how many objects still exist. */
  private async deleteContents(namespace: string): Promise<number> {
    const ctx = this.ctx();
    let remaining = 0;
    for (const info of allKinds()) {
      if (!info.namespaced) continue;
      const { items } = await ctx.resources.list(info, namespace, {});
      remaining += items.length;
      for (const obj of items) {
        if (obj.metadata?.deletionTimestamp) continue;
        const req: RestRequest = { ctx, info, namespace, name: obj.metadata!.name, query: {}, dryRun: false, fieldValidation: 'Ignore', warnings: [] };
        try {
          const current = await ctx.resources.get(info, namespace, obj.metadata!.name!);
          await deleteStored(req, current, { propagationPolicy: 'Background' });
        } catch (e) {
          if (!(e instanceof StatusError && (e.reason === 'NotFound' || e.reason === 'Conflict'))) throw e;
        }
      }
    }
    return remaining;
  }

  private async removeFinalizer(name: string): Promise<void> {
    const ctx = this.ctx();
    const info = findKind('', 'v1', 'namespaces')!;
    const current = await ctx.resources.get(info, undefined, name);
    const obj: KObject = structuredClone(current.obj);
    obj.spec = { ...(obj.spec as object), finalizers: [] };
    if ((obj.metadata!.finalizers ?? []).length > 0) {
      // Other finalizers still hold it; removing them later completes the deletion (see rest/update).
      await ctx.resources.update(info, obj, current.modRevision);
      return;
    }
    await ctx.resources.remove(info, undefined, name, current.modRevision);
  }
}
