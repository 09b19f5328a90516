/**
 * kubectl scale's preconditions (pkg/scale ScalePrecondition): --current-replicas and
 * --resource-version must match the Scale read from the server before the new size is sent.
 */

/** -1 for `size` and '' for `resourceVersion` mean "no condition". */
export interface ScalePrecondition {
  size: number;
  resourceVersion: string;
}

/** The autoscaling/v1 Scale fields the preconditions read. */
export interface ScaleView {
  metadata?: { resourceVersion?: string };
  spec?: { replicas?: number };
}

/** kubectl's PreconditionError: `Expected replicas to be 2, was 3`. */
export class PreconditionError extends Error {
  constructor(precondition: string, expected: string, actual: string) {
    super(`Expected ${precondition} to be ${expected}, was ${actual}`);
    this.name = 'PreconditionError';
  }
}

/** The precondition the flags ask for, or undefined when kubectl would send a blind patch. */
export function preconditionFor(currentReplicas: number, resourceVersion: string): ScalePrecondition | undefined {
  if (currentReplicas === -1 && resourceVersion === '') return undefined;
  return { size: currentReplicas, resourceVersion };
}

/** Throws PreconditionError when the Scale does not match; the replica count is checked first. */
export function checkPrecondition(scale: ScaleView, precondition: ScalePrecondition): void {
  const replicas = scale.spec?.replicas ?? 0;
  if (precondition.size !== -1 && replicas !== precondition.size) {
    throw new PreconditionError('replicas', String(precondition.size), String(replicas));
  }
  const actualVersion = scale.metadata?.resourceVersion ?? '';
  if (precondition.resourceVersion !== '' && actualVersion !== precondition.resourceVersion) {
    throw new PreconditionError('resource version', precondition.resourceVersion, actualVersion);
  }
}
