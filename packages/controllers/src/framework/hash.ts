/**
 * Names controllers derive from content: the pod-template-hash of a
 * Deployment's ReplicaSets and the suffix of ControllerRevisions. Upstream
 * hashes a spew dump of the Go struct with FNV-32a and encodes the decimal sum
 * with rand.SafeEncodeString; mk hashes canonical JSON (keys sorted) the same
 * way, so hashes are stable across restarts and short, safe label values —
 * though not byte-identical to a Go controller's.
 */

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits, over the UTF-8 bytes of text followed by extra bytes. */
export function fnv32a(text: string, extra: Uint8Array = new Uint8Array()): number {
  let hash = 0x811c9dc5;
  const feed = (b: number) => {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const b of Buffer.from(text, 'utf8')) feed(b);
  for (const b of extra) feed(b);
  return hash >>> 0;
}

/** rand.SafeEncodeString: each character mapped into an alphabet without vowels or look-alikes. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted at every level, so equal values hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** controller.ComputeHash: hash of value plus the collision count (little-endian uint32) when given. */
export function computeHash(value: unknown, collisionCount?: number): string {
  let extra: Uint8Array | undefined;
  if (collisionCount !== undefined && collisionCount !== null) {
    extra = new Uint8Array(4);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
  }
  return safeEncodeString(String(fnv32a(canonicalJson(value), extra)));
}
