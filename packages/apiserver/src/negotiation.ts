/**
 * Response negotiation: which representation the client asked for in Accept
 * (a meta.k8s.io Table, PartialObjectMetadata, or the object itself).
 */
export type Representation = 'object' | 'table' | 'metadata';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    return { type: type.toLowerCase(), params: Object.fromEntries(params.map((p) => p.split('=').map((s) => s.trim()) as [string, string])) };
  });
}

/** The first acceptable representation in the client's order (kubectl lists Table first, then plain JSON). */
export function negotiate(accept: string | undefined): Representation {
  if (!accept) return 'object';
  for (const r of parseAccept(accept)) {
    if (r.params.as && r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1')) {
      if (r.params.as === 'Table') return 'table';
      if (r.params.as === 'PartialObjectMetadata' || r.params.as === 'PartialObjectMetadataList') return 'metadata';
      continue;
    }
    if (r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*' || r.type === 'application/yaml' || r.type === 'application/vnd.kubernetes.protobuf') return 'object';
  }
  return 'object';
}
