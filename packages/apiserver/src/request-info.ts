/**
 * Parses a REST path into what it addresses, as the Kubernetes RequestInfo
 * factory does: group, version, namespace, resource, name, subresource.
 */
export interface RequestInfo {
  group: string;
  version: string;
  /** Namespace from the path (/namespaces/NS/...), undefined when not in the path. */
  namespace?: string;
  plural: string;
  name?: string;
  subresource?: string;
}

// Subresources of a namespace addressed as /api/v1/namespaces/NAME/<sub>.
const namespaceSubresources = new Set(['status', 'finalize']);

/** Returns undefined for paths that are not resource paths (discovery roots are routed separately). */
export function parseResourcePath(path: string): RequestInfo | undefined {
  const clean = path.split('?')[0].replace(/\/+$/, '');
  const parts = clean.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length < 3) return undefined;
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length < 4) return undefined;
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (rest[0] === 'namespaces' && rest.length > 1) {
    const ns = rest[1];
    if (rest.length >= 3 && !namespaceSubresources.has(rest[2])) {
      if (rest.length > 5) return undefined;
      return { group, version, namespace: ns, plural: rest[2], name: rest[3], subresource: rest[4] };
    }
    if (rest.length > 3) return undefined;
    return { group, version, plural: 'namespaces', name: ns, subresource: rest[2] };
  }
  if (rest.length > 3) return undefined;
  return { group, version, plural: rest[0], name: rest[1], subresource: rest[2] };
}
