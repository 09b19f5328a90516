/** Reads `-f` manifests into objects mapped to served types: kubectl's builder with ContinueOnError. */
import type { DiscoveredResource, DiscoverOptions } from '@mk/client';
import { discoverCovering } from '../util/resolve';
import { decodeManifest } from './decode';
import { mapManifest, settleNamespace, type ManifestInfo, type NamespaceDefault } from './mapping';
import { expandFilenames, type FilenameOptions } from './sources';

/** What the loader needs from the outside world. */
export interface LoadDeps {
  readStdin(): Promise<string>;
  /** The served types; { fresh: true } asks the server rather than the disk cache. */
  discover(opts?: DiscoverOptions): Promise<DiscoveredResource[]>;
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
  for (const file of files) {
    const decoded = decodeManifest(await file.read(), file.source, { validate: deps.validate });
    for (const doc of decoded.docs) {
      // A kind missing from cached discovery may be newer than the cache: kubectl's mapper asks again once.
      const resources = await discoverCovering(deps, (r) => !(mapManifest(doc, r) instanceof Error));
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
