/**
 * kubectl's client-side apply of one object (pkg/cmd/apply/apply.go applyOneObject and patcher.go):
 * GET the live object; create it with the last-applied annotation when absent; otherwise send the
 * three-way patch (nothing when it is empty), retrying on 409 Conflict with a fresh GET.
 */
import type { KObject } from '@mk/api';
import { addSourceToError, isConflict, isNotFound, type ApiClient } from '@mk/client';
import type { ManifestInfo } from '../manifests/mapping';
import { dryRunQuery, type DryRunStrategy } from './dry-run';
import { LAST_APPLIED_ANNOTATION, pruneNulls, readLastApplied, withLastApplied } from './last-applied';
import { infoString, objectName } from './naming';
import { isEmptyPatch, threeWayPatch } from './three-way-patch';

/** kubectl's maxPatchRetry, triesBeforeBackOff and patchRetryBackOffPeriod. */
const MAX_PATCH_RETRY = 5;
const TRIES_BEFORE_BACKOFF = 1;
const BACKOFF_MS = 1000;

/** Flags and effects client-side apply depends on. */
export interface ClientSideApplyOptions {
  dryRun: DryRunStrategy;
  fieldManager: string;
  /** `Strict`, `Warn` or `Ignore` (from --validate). */
  fieldValidation: string;
  /** The command name quoted in the missing-annotation warning (`mk`). */
  baseName: string;
  /** Writes a warning line (stderr). */
  warn(message: string): void;
  /** Waits between conflict retries (injected so tests do not sleep). */
  sleep(ms: number): Promise<void>;
}

/** What happened to the object, and the object to print (the server's answer, or what would be sent). */
export interface ApplyResult {
  operation: 'created' | 'configured' | 'unchanged';
  object: KObject;
}

/** Applies one manifest object client-side; errors carry kubectl's "error when …" context. */
export async function clientSideApply(client: ApiClient, info: ManifestInfo, opts: ClientSideApplyOptions): Promise<ApplyResult> {
  if (!info.name) {
    const generateName = info.object.metadata?.generateName;
    if (generateName) throw new Error(`from ${generateName}: cannot use generate name with apply`);
    throw new Error('resource name may not be empty');
  }
  const { resource } = info;
  const namespace = info.namespace || undefined;
  const path = client.path({ group: resource.group, version: resource.version, plural: resource.plural, namespace, name: info.name });
  const query = { fieldManager: opts.fieldManager, fieldValidation: opts.fieldValidation, ...dryRunQuery(opts.dryRun) };
  const modified = withLastApplied(info.object);

  let live: KObject;
  try {
    live = await client.request<KObject>('GET', path);
  } catch (err) {
    if (!isNotFound(err)) {
      throw addSourceToError(`retrieving current configuration of:\n${infoString(resource, info.name, info.namespace)}\nfrom server for:`, info.source, err);
    }
    const body = pruneNulls(modified);
    if (opts.dryRun === 'client') return { operation: 'created', object: body };
    const collection = client.path({ group: resource.group, version: resource.version, plural: resource.plural, namespace });
    try {
      const created = await client.request<KObject>('POST', collection, { query, body });
      return { operation: 'created', object: created ?? body };
    } catch (createErr) {
      throw addSourceToError('creating', info.source, createErr);
    }
  }

  if (opts.dryRun === 'client') return { operation: 'configured', object: live };
  if (live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) {
    opts.warn(
      `Warning: resource ${objectName(resource, info.name)} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by ${opts.baseName} apply. ` +
        `${opts.baseName} apply should only be used on resources created declaratively by either ${opts.baseName} create --save-config or ${opts.baseName} apply. ` +
        'The missing annotation will be patched automatically.',
    );
  }

  let patchText = '{}';
  for (let attempt = 0; ; attempt++) {
    const computed = threeWayPatch(resource, readLastApplied(live), modified, live);
    patchText = JSON.stringify(computed.patch);
    if (isEmptyPatch(computed.patch)) {
      warnIfDeleting(live, opts.warn);
      return { operation: 'unchanged', object: live };
    }
    try {
      const patched = await client.request<KObject>('PATCH', path, { query, body: computed.patch, contentType: computed.contentType });
      warnIfDeleting(patched ?? live, opts.warn);
      return { operation: 'configured', object: patched ?? live };
    } catch (err) {
      if (!isConflict(err) || attempt >= MAX_PATCH_RETRY) {
        const patching = addSourceToError('patching', info.source, err);
        throw addSourceToError(`applying patch:\n${patchText}\nto:\n${infoString(resource, info.name, info.namespace)}\nfor:`, info.source, patching);
      }
    }
    if (attempt + 1 > TRIES_BEFORE_BACKOFF) await opts.sleep(BACKOFF_MS);
    live = await client.request<KObject>('GET', path);
  }
}

function warnIfDeleting(obj: KObject, warn: (message: string) => void): void {
  if (obj.metadata?.deletionTimestamp) warn(`Warning: Detected changes to resource ${obj.metadata.name} which is currently being deleted.`);
}
