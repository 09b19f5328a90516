/**
 * The imagePullPolicy default: Always for `:latest` or an untagged,
 * undigested image, IfNotPresent otherwise (parsers.ParseImageName: an image
 * reference that does not parse has no tag, so it gets IfNotPresent).
 */

// Docker reference path components are lowercase; the first may be a registry host.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^[a-zA-Z0-9.-]+(?::[0-9]+)?$|^localhost(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/** The tag ParseImageName reports: "latest" when neither tag nor digest is given, "" when the reference is invalid. */
export function imageTag(image: string): string {
  if (!image || /\s/.test(image)) return '';
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : '';
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : '';
  const repo = colon > slash ? named.slice(0, colon) : named;
  const parts = repo.split('/');
  const hasHost = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || parts[0] !== parts[0].toLowerCase());
  const path = hasHost ? parts.slice(1) : parts;
  if (hasHost && !HOST.test(parts[0])) return '';
  if (path.length === 0 || !path.every((p) => COMPONENT.test(p))) return '';
  if (tag && !TAG.test(tag)) return '';
  if (!tag && !digest) return 'latest';
  return tag;
}

/** SetDefaults_Container's imagePullPolicy. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
