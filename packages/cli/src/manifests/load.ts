/** Reads `-f` manifests into objects mapped to served types: kubectl's builder with ContinueOnError. */
import type { DiscoveredResource } from '@mk/client';
import { decodeManifest } from './decode';
import { mapManifest, settleNamespace, type ManifestInfo, type NamespaceDefault } from './mapping';
import { expandFilenames, type FilenameOptions } from './sources';

/** What the loader needs from the outside world. */
export interface LoadDeps {
  readStdin(): Promise<string>;
  discover(): Promise<DiscoveredResource[]>;
  namespace: NamespaceDefault;
  /** Check apiVersion and kind before anything is sent (apply and create unless --validate=false). */
  validate?: boolean;
}

/** The objects that could be read and mapped, in file order, and the per-object errors (which do not stop the rest). */
export interface LoadedManifests {
  infos: ManifestInfo[];
  errors: Error[];
}

/** Loads every object of the given files; path problems throw (CliError), object problems are collected. */
export async function loadManifests(opts: FilenameOptions, deps: LoadDeps): Promise<LoadedManifests> {
  const files = await expandFilenames(opts, deps.readStdin);
  const result: LoadedManifests = { infos: [], errors: [] };
  let resources: DiscoveredResource[] | undefined;
  for (const file of files) {
    const decoded = decodeManifest(await file.read(), file.source, { validate: deps.validate });
    for (const doc of decoded.docs) {
      resources ??= await deps.discover();
      const resource = mapManifest(doc, resources);
      if (resource instanceof Error) {
        result.errors.push(resource);
        continue;
      }
      const info = settleNamespace(doc, resource, deps.namespace);
      if (info instanceof Error) result.errors.push(info);
      else result.infos.push(info);
    }
    result.errors.push(...decoded.errors);
  }
  return result;
}
