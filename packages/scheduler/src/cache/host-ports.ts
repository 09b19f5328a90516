/**
 * Host ports in use on a node (framework.HostPortInfo): ip → "protocol/port"
 * → how many pods claim it. 0.0.0.0 conflicts with every address.
 */
import type { HostPort } from './pod-info';

const WILDCARD = '0.0.0.0';

export class HostPortTable {
  private readonly byIP = new Map<string, Map<string, number>>();

  add(p: HostPort, delta = 1): void {
    if (p.port <= 0) return;
    const ip = p.hostIP || WILDCARD;
    const k = `${p.protocol || 'TCP'}/${p.port}`;
    let ports = this.byIP.get(ip);
    if (!ports) this.byIP.set(ip, (ports = new Map()));
    const n = (ports.get(k) ?? 0) + delta;
    if (n > 0) ports.set(k, n);
    else ports.delete(k);
    if (ports.size === 0) this.byIP.delete(ip);
  }

  remove(p: HostPort): void {
    this.add(p, -1);
  }

  /** HostPortInfo.CheckConflict. */
  conflicts(p: HostPort): boolean {
    if (p.port <= 0) return false;
    const ip = p.hostIP || WILDCARD;
    const k = `${p.protocol || 'TCP'}/${p.port}`;
    if (ip === WILDCARD) {
      for (const ports of this.byIP.values()) if (ports.has(k)) return true;
      return false;
    }
    return !!this.byIP.get(WILDCARD)?.has(k) || !!this.byIP.get(ip)?.has(k);
  }

  get size(): number {
    return this.byIP.size;
  }

  clone(): HostPortTable {
    const copy = new HostPortTable();
    for (const [ip, ports] of this.byIP) copy.byIP.set(ip, new Map(ports));
    return copy;
  }
}
