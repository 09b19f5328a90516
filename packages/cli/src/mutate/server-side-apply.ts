/**
 * `apply --server-side` for one object (kubectl pkg/cmd/apply/apply.go): PATCH the whole manifest as
 * application/apply-patch+yaml under a field manager, turning 415 and 409 into kubectl's explanations.
 */
import type { KObject } from '@mk/api';
import { isApiError, isConflict, type ApiClient } from '@mk/client';
import type { ManifestInfo } from '../manifests/mapping';
import { dryRunQuery, type DryRunStrategy } from './dry-run';
import { APPLY_PATCH } from './three-way-patch';

/** The server-side apply flags. */
export interface ServerSideApplyOptions {
  dryRun: DryRunStrategy;
  /** `kubectl` unless --field-manager was given (kubectl keeps that name for compatibility). */
  fieldManager: string;
  fieldValidation: string;
  forceConflicts: boolean;
}

const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** Server-side applies one manifest object and returns the server's object. */
export async function serverSideApply(client: ApiClient, info: ManifestInfo, opts: ServerSideApplyOptions): Promise<KObject> {
  const { resource } = info;
  const path = client.path({
    group: resource.group,
    version: resource.version,
    plural: resource.plural,
    namespace: info.namespace || undefined,
    name: info.name,
  });
  try {
    return await client.request<KObject>('PATCH', path, {
      // JSON is valid YAML; the body is the manifest exactly as read.
      body: JSON.stringify(info.object),
      contentType: APPLY_PATCH,
      query: { ...dryRunQuery(opts.dryRun), fieldManager: opts.fieldManager, fieldValidation: opts.fieldValidation, force: opts.forceConflicts },
    });
  } catch (err) {
    if (isApiError(err) && err.code === 415) throw new Error(`Server-side apply not available on the server: (${err.message})`);
    if (isConflict(err)) throw new Error(`${(err as Error).message}\n${CONFLICT_ADVICE}`);
    throw err;
  }
}
