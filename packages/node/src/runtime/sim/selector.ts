/** Whether a stage's selector matches a container, and how specific it is. */
import { parseImageRef } from '../image-ref';
import type { SimSelector } from './profile';

/** What selectors look at: one container of one pod. */
export interface SimTarget {
  image: string;
  containerName: string;
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  /** The container's command followed by its args, as written in the spec. */
  commandLine: string[];
}

const compiled = new Map<string, RegExp>();
const compiledLists = new WeakMap<readonly string[], RegExp>();

/** Stages are matched for every container step: compile each pattern once. */
function cached(key: string, build: () => RegExp): RegExp {
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = build()));
  return re;
}

function globSource(pattern: string): string {
  return pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}

/** One regular expression for a list of globs, compiled once per list. */
function anyGlob(patterns: readonly string[]): RegExp {
  let re = compiledLists.get(patterns);
  if (!re) compiledLists.set(patterns, (re = new RegExp(`^(?:${patterns.map(globSource).join('|')})$`)));
  return re;
}

/** `*` matches any run of characters; everything else is literal. */
export function globMatches(pattern: string, value: string): boolean {
  return cached(`glob:${pattern}`, () => new RegExp(`^${globSource(pattern)}$`)).test(value);
}

function imageCandidates(image: string): string[] {
  const ref = parseImageRef(image);
  return [ref.repository, image, ref.normalized];
}

/** An image pattern matches the short repository (`busybox`), the reference as written, or the normalised one. */
export function imageMatches(pattern: string, image: string): boolean {
  return imageCandidates(image).some((candidate) => globMatches(pattern, candidate));
}

function mapMatches(want: Record<string, string> | undefined, have: Record<string, string>): boolean {
  return Object.entries(want ?? {}).every(([k, v]) => k in have && (v === '*' || have[k] === v));
}

/** True when every condition the selector sets holds for the container. */
export function selectorMatches(selector: SimSelector | undefined, target: SimTarget): boolean {
  if (!selector) return true;
  // Cheap checks first: this runs for every stage at every container step.
  if (selector.hasCommand !== undefined && selector.hasCommand !== target.commandLine.length > 0) return false;
  if (!mapMatches(selector.podLabels, target.podLabels)) return false;
  if (!mapMatches(selector.podAnnotations, target.podAnnotations)) return false;
  if (selector.containerNames && !anyGlob(selector.containerNames).test(target.containerName)) return false;
  if (selector.images) {
    const re = anyGlob(selector.images);
    if (!imageCandidates(target.image).some((c) => re.test(c))) return false;
  }
  if (selector.commandMatches !== undefined && !cached(selector.commandMatches, () => new RegExp(selector.commandMatches!)).test(target.commandLine.join(' '))) return false;
  return true;
}

/** How many conditions a selector sets; the most specific matching stages win over general ones. */
export function specificity(selector: SimSelector | undefined): number {
  if (!selector) return 0;
  return (
    (selector.images ? 1 : 0) +
    (selector.containerNames ? 1 : 0) +
    Object.keys(selector.podLabels ?? {}).length +
    Object.keys(selector.podAnnotations ?? {}).length +
    (selector.hasCommand !== undefined ? 1 : 0) +
    (selector.commandMatches !== undefined ? 1 : 0)
  );
}
