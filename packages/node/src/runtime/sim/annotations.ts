/**
 * Per-pod overrides through annotations (kwok lets objects override their
 * stages the same way): they beat every stage of the profile.
 *
 *   sim.mk.io/exit-code: "3"      regular containers exit with 3 …
 *   sim.mk.io/exit-after: "5s"    … after 5 s (Go duration or milliseconds; default 0)
 *   sim.mk.io/pull-fail: "true"   every image pull of the pod fails, or a comma-separated list of image patterns
 */
import { parseGoDuration } from '@mk/client';
import { DEFAULT_PULL_FAILURE } from './failures';
import type { SimStage } from './profile';
import { imageMatches } from './selector';

/** Annotation: the exit code of the pod's containers. */
export const EXIT_CODE_ANNOTATION = 'sim.mk.io/exit-code';
/** Annotation: how long the pod's containers run before they exit. */
export const EXIT_AFTER_ANNOTATION = 'sim.mk.io/exit-after';
/** Annotation: pulls of the pod's images fail (`true` or image patterns). */
export const PULL_FAIL_ANNOTATION = 'sim.mk.io/pull-fail';

/** Milliseconds from `5s`, `1m30s` or a bare number of milliseconds; undefined when unreadable. */
export function parseDelay(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  try {
    const ms = parseGoDuration(trimmed);
    return ms >= 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

function pullFailMatches(value: string, image: string): boolean {
  const v = value.trim();
  if (v === 'true' || v === '*') return true;
  return v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .some((p) => imageMatches(p, image));
}

/** The override stages for one container of a pod with these annotations. */
export function annotationOverrides(annotations: Record<string, string>, image: string, isInit: boolean): SimStage[] {
  const stages: SimStage[] = [];
  const exitCode = annotations[EXIT_CODE_ANNOTATION];
  const exitAfter = parseDelay(annotations[EXIT_AFTER_ANNOTATION]);
  if (!isInit && (exitCode !== undefined || exitAfter !== undefined)) {
    const code = Number.parseInt(exitCode ?? '0', 10);
    stages.push({ name: `annotation:${EXIT_CODE_ANNOTATION}`, effect: { run: { exit: Number.isNaN(code) ? 1 : code, afterMs: exitAfter ?? 0 } } });
  }
  const pullFail = annotations[PULL_FAIL_ANNOTATION];
  if (pullFail !== undefined && pullFailMatches(pullFail, image)) {
    stages.push({ name: `annotation:${PULL_FAIL_ANNOTATION}`, effect: { pull: { fail: DEFAULT_PULL_FAILURE } } });
  }
  return stages;
}
