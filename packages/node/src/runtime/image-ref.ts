/**
 * Docker image references as containerd normalises them: `nginx` is
 * `docker.io/library/nginx:latest`. Runtimes report the normalised form in
 * container statuses, as containerd does.
 */
export interface ImageRef {
  /** Registry host, `docker.io` when none is written. */
  domain: string;
  /** Repository path within the registry (`library/nginx`). */
  path: string;
  tag?: string;
  digest?: string;
  /** The short repository name users write (`nginx`, `bitnami/redis`, `registry.k8s.io/pause`). */
  repository: string;
  /** `docker.io/library/nginx:latest`, or `…@sha256:…` when pinned by digest. */
  normalized: string;
}

const DOCKER_HUB = 'docker.io';

/** Parses an image reference the way the Docker distribution library does (without validating characters). */
export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? first : DOCKER_HUB;
  let path = hasDomain ? rest.slice(slash + 1) : rest;
  if (domain === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  const repository = domain === DOCKER_HUB ? path.replace(/^library\//, '') : `${domain}/${path}`;
  const name = `${domain}/${path}`;
  const normalized = digest ? `${name}@${digest}` : `${name}:${tag ?? 'latest'}`;
  return { domain, path, tag, digest, repository, normalized };
}
