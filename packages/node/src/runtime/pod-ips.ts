/** Hands out pod IPs from a node's pod CIDR (IPv4), lowest free address first, skipping the network, gateway and broadcast addresses. */

function toNumber(ip: string): number {
  const parts = ip.split('.').map((p) => Number(p));
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`invalid IPv4 address: ${ip}`);
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function toAddress(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Pod IPs of one node. */
export interface PodIPAllocator {
  allocate(): string;
  release(ip: string): void;
}

/** An allocator over `cidr` (e.g. `10.244.1.0/24`); throws when the range is exhausted. */
export function createPodIPAllocator(cidr: string): PodIPAllocator {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!Number.isInteger(bits) || bits < 8 || bits > 30) throw new Error(`invalid pod CIDR ${cidr}: prefix must be /8 to /30`);
  const size = 2 ** (32 - bits);
  const network = (toNumber(base) & ~(size - 1)) >>> 0;
  const used = new Set<number>();
  let next = 2;
  return {
    allocate() {
      for (let tried = 0; tried < size - 3; tried++) {
        const offset = next;
        next = next + 1 >= size - 1 ? 2 : next + 1;
        if (!used.has(offset)) {
          used.add(offset);
          return toAddress(network + offset);
        }
      }
      throw new Error(`no free pod IP left in ${cidr}`);
    },
    release(ip) {
      used.delete(toNumber(ip) - network);
    },
  };
}
