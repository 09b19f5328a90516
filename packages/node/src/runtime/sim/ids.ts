/** Deterministic IDs for simulated sandboxes, containers and images (64 hex digits, like containerd's). */
import { createHash } from 'node:crypto';
import { parseImageRef } from '../image-ref';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Generates IDs from a salt and a counter, so one seed gives one sequence. */
export function createIdGenerator(salt: string): (kind: string) => string {
  let counter = 0;
  return (kind) => sha256(`${salt}/${kind}/${++counter}`);
}

/** The image ID containerd reports: `docker.io/library/nginx@sha256:<digest>`; stable per reference. */
export function simImageID(image: string): string {
  const ref = parseImageRef(image);
  const name = ref.normalized.replace(/[:@][^/]*$/, '');
  return `${name}@sha256:${ref.digest?.replace(/^sha256:/, '') ?? sha256(ref.normalized)}`;
}

/** A plausible, stable image size between 2 and 120 MB. */
export function simImageSize(image: string): number {
  const h = Number.parseInt(sha256(parseImageRef(image).normalized).slice(0, 8), 16);
  return 2_000_000 + (h % 118_000_000);
}
