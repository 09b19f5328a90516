/**
 * The node's heartbeat: the Lease `kube-node-lease/<node>`, renewed every
 * leaseRenewIntervalMs as the kubelet's lease controller does (create it if
 * missing, update the one it holds, re-read it on a conflict).
 */
import type { KObject } from '@mk/api';
import { isConflict, isNotFound } from '@mk/client';
import type { SessionApi } from '../pods/context';

/** Where node Leases live. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** metav1.MicroTime's wire form: RFC 3339 with six fractional digits. */
export function microTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** What a renewal writes. */
export interface LeaseSpecInput {
  nodeName: string;
  leaseDurationSeconds: number;
  now: Date;
  /** Set once the Node exists, so the Lease is garbage-collected with it. */
  nodeUID?: string;
}

/** The Lease as the kubelet writes it, over `base` (the stored one) when there is one. */
export function renewedLease(input: LeaseSpecInput, base?: KObject): KObject {
  const lease: KObject = base
    ? structuredClone(base)
    : { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: input.nodeName, namespace: NODE_LEASE_NAMESPACE } };
  lease.spec = { ...(lease.spec as object), holderIdentity: input.nodeName, leaseDurationSeconds: input.leaseDurationSeconds, renewTime: microTime(input.now) };
  if (input.nodeUID) lease.metadata!.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: input.nodeName, uid: input.nodeUID }];
  return lease;
}

/** Renews the Lease through the API; keeps the last stored copy to update. */
export class LeaseRenewer {
  private latest?: KObject;

  constructor(
    private readonly api: SessionApi,
    private readonly input: () => LeaseSpecInput,
  ) {}

  private path(name?: string): string {
    return `/apis/coordination.k8s.io/v1/namespaces/${NODE_LEASE_NAMESPACE}/leases${name ? `/${name}` : ''}`;
  }

  private async fetch(name: string): Promise<KObject | undefined> {
    try {
      return await this.api.request<KObject>('GET', this.path(name));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** One renewal: update the held Lease, re-reading it once on a conflict; create it when it is missing. */
  async renew(): Promise<KObject> {
    const input = this.input();
    this.latest ??= await this.fetch(input.nodeName);
    for (let attempt = 0; ; attempt++) {
      if (!this.latest) {
        this.latest = await this.api.request<KObject>('POST', this.path(), { body: renewedLease(input) });
        return this.latest;
      }
      try {
        this.latest = await this.api.request<KObject>('PUT', this.path(input.nodeName), { body: renewedLease(this.input(), this.latest) });
        return this.latest;
      } catch (err) {
        if (attempt > 0 || (!isConflict(err) && !isNotFound(err))) throw err;
        this.latest = await this.fetch(input.nodeName);
      }
    }
  }
}
