/**
 * kubectl edit's loop (pkg/cmd/util/editor/editoptions.go, normal mode): show the objects under the
 * comment header, diff what was saved against what was shown, PATCH each changed object (strategic
 * merge for kubectl's built-in types, JSON merge otherwise), and re-open the file with the reasons
 * when the server rejects an edit as invalid.
 */
import type { KObject } from '@mk/api';
import { createMergePatch, createTwoWayStrategicMergePatch, patchMetaFor, qualifiedResource } from '@mk/api';
import { isApiError, isNotFound, type ApiClient } from '@mk/client';
import { CliError, type CliIO } from '../context';
import { parse } from 'yaml';
import { decodeManifest, typeMetaErrors } from '../manifests/decode';
import { goJson } from '../manifests/go-json';
import { editDocument, editHeader, hasContent, manualStrip, renderDocument, stripComments, type EditReason } from './edit-buffer';
import type { ResultPrinter } from './print-result';
import { targetPath, type Target } from './targets';
import { MERGE_PATCH, STRATEGIC_MERGE_PATCH, usesStrategicMergePatch } from './three-way-patch';

/** The effects an edit session needs. */
export interface EditDeps {
  client: ApiClient;
  io: CliIO;
  printer: ResultPrinter;
  /** Opens the editor on `content` in a new temp file; returns what was saved and the file. */
  edit(content: string): Promise<{ edited: string; file: string }>;
  removeFile(file: string): Promise<void>;
  /** Program name for the `replace -f` advice (`mk`). */
  baseName: string;
}

/** Flags of `edit`. */
export interface EditPlan {
  format: 'yaml' | 'json';
  fieldManager: string;
  fieldValidation: string;
  outputPatch: boolean;
}

/**
 * kubectl's client-side check of the saved file when validation is on: it must parse and carry
 * apiVersion and kind. Returns the problem, or undefined.
 */
function validationProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = parse(manualStrip(text), { version: '1.1' });
  } catch (err) {
    const e = err as Error & { linePos?: { line: number }[] };
    const line = e.linePos?.[0]?.line;
    return `yaml: ${line ? `line ${line}: ` : ''}${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  const errors = typeMetaErrors(parsed);
  return errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}

interface SaveResults {
  reasons: EditReason[];
  invalid: number;
  notFound: number;
  retryable: number;
}

/** Runs the edit loop over fetched targets until the edits are saved, cancelled or fail. */
export async function editTargets(deps: EditDeps, targets: Target[], plan: EditPlan): Promise<void> {
  if (targets.length === 0) throw new CliError('edit cancelled, no objects found');
  let reasons: EditReason[] = [];
  let containsError = false;
  let original = '';
  let edited = '';
  let file = '';
  for (;;) {
    // kubectl writes the comment header only into YAML files.
    const header = plan.format === 'yaml' ? editHeader(reasons) : '';
    const body = containsError ? manualStrip(edited) : renderDocument(editDocument(targets.map((t) => withoutManagedFields(t.object!))), plan.format);
    if (!containsError) original = header + body;
    const previous = edited;
    let opened: { edited: string; file: string };
    try {
      opened = await deps.edit(header + body);
    } catch (err) {
      throw preserved(deps.io, err, file);
    }
    edited = opened.edited;
    if (containsError && stripComments(previous) === stripComments(edited)) {
      throw preserved(deps.io, new Error('Edit cancelled, no valid changes were saved.'), opened.file);
    }
    if (file) await deps.removeFile(file);
    file = opened.file;
    if (stripComments(original) === stripComments(edited)) {
      await deps.removeFile(file);
      deps.io.err('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasContent(edited)) {
      await deps.removeFile(file);
      deps.io.err('Edit cancelled, saved file was empty.\n');
      return;
    }
    const problem = plan.fieldValidation !== 'Ignore' ? validationProblem(edited) : undefined;
    if (problem !== undefined) {
      // kubectl reports a file that fails validation as an Invalid error of the first object.
      const first = targets[0]!;
      const resource = qualifiedResource(first.resource);
      deps.io.err(`error: ${resource} ${JSON.stringify(first.name)} is invalid\n`);
      reasons = [{ head: `${resource} ${JSON.stringify(first.name)} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${problem}`] }];
      containsError = true;
      continue;
    }
    const decoded = decodeManifest(edited, file);
    if (decoded.errors.length > 0) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${decoded.errors[0]!.message}`, other: [] }];
      continue;
    }
    containsError = false;
    let results: SaveResults;
    try {
      results = await saveEdits(deps, targets, decoded.docs.map((d) => d.object), plan);
    } catch (err) {
      throw preserved(deps.io, err, file);
    }
    if (results.retryable > 0) {
      deps.io.err(`You can run \`${deps.baseName} replace -f ${file}\` to try this update again.\n`);
      throw new CliError('');
    }
    if (results.notFound > 0) {
      deps.io.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      throw new CliError('');
    }
    if (results.invalid === 0) {
      await deps.removeFile(file);
      return;
    }
    reasons = results.reasons;
    containsError = true;
  }
}

async function saveEdits(deps: EditDeps, targets: Target[], objects: KObject[], plan: EditPlan): Promise<SaveResults> {
  const results: SaveResults = { reasons: [], invalid: 0, notFound: 0, retryable: 0 };
  for (const obj of objects) {
    const target = targets.find((t) => t.object?.metadata?.uid !== undefined && t.object.metadata.uid === obj.metadata?.uid);
    if (!target) throw new Error(`no original object found for ${obj.kind ?? ''} ${JSON.stringify(obj.metadata?.name ?? '')}`);
    const before = withoutManagedFields(target.object!);
    const after = withoutManagedFields(obj);
    if (target.resource.namespaced && after.metadata?.namespace !== undefined && after.metadata.namespace !== target.namespace) {
      const own = after.metadata.namespace;
      throw new Error(
        `the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(target.namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    if (goJson(before) === goJson(after)) {
      deps.printer.print(obj, target.resource, target.name, 'skipped');
      continue;
    }
    if (before.apiVersion !== after.apiVersion || before.kind !== after.kind || before.metadata?.name !== after.metadata?.name || obj.metadata?.managedFields !== undefined) {
      throw new Error('At least one of apiVersion, kind and name was changed');
    }
    const strategic = usesStrategicMergePatch(target.resource);
    const patch = strategic
      ? createTwoWayStrategicMergePatch(before, after, patchMetaFor(target.resource.group, target.resource.version, target.resource.kind))
      : createMergePatch(before, after);
    if (plan.outputPatch) deps.io.out(`Patch: ${JSON.stringify(patch)}\n`);
    try {
      const patched = await deps.client.request<KObject>('PATCH', targetPath(deps.client, target), {
        body: patch,
        contentType: strategic ? STRATEGIC_MERGE_PATCH : MERGE_PATCH,
        query: { fieldManager: plan.fieldManager, fieldValidation: plan.fieldValidation },
      });
      deps.printer.print(patched ?? obj, target.resource, target.name, 'edited');
    } catch (err) {
      deps.io.err(`${recordError(results, err, target)}\n`);
    }
  }
  return results;
}

/** kubectl's editResults.addError: invalid edits re-open the file, the rest end the session. */
function recordError(results: SaveResults, err: unknown, target: Target): string {
  const resource = qualifiedResource(target.resource);
  if (isApiError(err) && err.reason === 'Invalid') {
    results.invalid++;
    results.reasons.push({
      head: `${resource} ${JSON.stringify(target.name)} was not valid`,
      other: (err.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`),
    });
    return `error: ${resource} ${JSON.stringify(target.name)} is invalid`;
  }
  if (isNotFound(err)) {
    results.notFound++;
    return `error: ${resource} ${JSON.stringify(target.name)} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${resource} ${JSON.stringify(target.name)} could not be patched: ${(err as Error).message}`;
}

function withoutManagedFields(obj: KObject): KObject {
  if (obj.metadata?.managedFields === undefined) return obj;
  const { managedFields: _hidden, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** kubectl's preservedFile: tell the user where their changes are, then fail with `err`. */
function preserved(io: CliIO, err: unknown, file: string): unknown {
  if (file) io.err(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
  return err;
}
