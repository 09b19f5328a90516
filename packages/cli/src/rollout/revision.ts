/**
 * Revision numbers as kubectl reads them: the `deployment.kubernetes.io/revision` annotation
 * (deploymentutil.Revision) and int64 flags such as --revision and --to-revision, with the
 * errors Go's strconv.ParseInt gives.
 */
import type { KObject } from '@mk/api';
import { CliError } from '../context';

/** deploymentutil.RevisionAnnotation: a Deployment's and its ReplicaSets' rollout sequence number. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** kubectl's ChangeCauseAnnotation, shown in the CHANGE-CAUSE column of `rollout history`. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** strconv.ParseInt(s, 10, 64); throws strconv's error text. */
export function parseInt64(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > INT64_MAX || n < INT64_MIN) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(n);
}

/** deploymentutil.Revision: 0 when the annotation is missing; throws for a malformed value. */
export function revisionOf(obj: Pick<KObject, 'metadata'>): number {
  const value = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  return value === undefined ? 0 : parseInt64(value);
}

/** Reads an int64 flag (pflag's Int64Var) with pflag's error for a bad value. */
export function int64Flag(name: string, value: string | undefined): number {
  if (value === undefined) return 0;
  try {
    return parseInt64(value);
  } catch (err) {
    throw new CliError(`invalid argument ${JSON.stringify(value)} for "--${name}" flag: ${(err as Error).message}`);
  }
}
