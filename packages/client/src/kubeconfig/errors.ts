/** KubeconfigError: kubeconfig could not be loaded or does not say where to connect. */

/** A kubeconfig problem; `invalidConfiguration` marks the ones kubectl prints as `Error in configuration: …`. */
export class KubeconfigError extends Error {
  constructor(
    message: string,
    readonly invalidConfiguration = false,
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

/** isKubeconfigError recognises a KubeconfigError by shape too (each bundle has its own class). */
export function isKubeconfigError(err: unknown): err is KubeconfigError {
  return err instanceof KubeconfigError || (err instanceof Error && err.name === 'KubeconfigError');
}

/** clientcmd's ErrEmptyConfig text: no file, no context, no --server. */
export const EMPTY_CONFIG_MESSAGE = 'no configuration has been provided, try setting KUBERNETES_MASTER environment variable';
