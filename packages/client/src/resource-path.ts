/** Building REST paths from a ResourcePath, and reading one back out of a path (for error messages). */
import type { ResourcePath } from './types';

/** resourcePath builds `/api/v1/...` (core) or `/apis/G/V/...`, namespaced or cluster-scoped, with subresource. */
export function resourcePath(p: ResourcePath): string {
  const parts = [p.group === '' ? 'api' : 'apis'];
  if (p.group !== '') parts.push(p.group);
  parts.push(p.version);
  if (p.namespace) parts.push('namespaces', p.namespace);
  parts.push(p.plural);
  if (p.name !== undefined) {
    parts.push(p.name);
    if (p.subresource) parts.push(p.subresource);
  } else if (p.subresource) {
    throw new Error(`subresource "${p.subresource}" needs a resource name`);
  }
  return '/' + parts.map(encodeURIComponent).join('/');
}

/** Subresources of namespaces that sit where a resource name would otherwise be. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/**
 * parseResourcePath reads group, resource and name back out of an API path,
 * the way client-go knows them for a request; undefined for non-resource paths
 * such as /version or /apis.
 */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const clean = path.split('?')[0]!;
  const segs = clean.split('/').filter((s) => s !== '').map(safeDecode);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 2) {
    group = '';
    version = segs[1]!;
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 3) {
    group = segs[1]!;
    version = segs[2]!;
    rest = segs.slice(3);
  } else {
    return undefined;
  }
  if (rest.length === 0) return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]!))) {
    const [, namespace, plural, name, subresource] = rest;
    return { group, version, plural: plural!, namespace, name, subresource };
  }
  const [plural, name, subresource] = rest;
  return { group, version, plural: plural!, name, subresource };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
