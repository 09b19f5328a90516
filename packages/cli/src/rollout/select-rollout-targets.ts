/**
 * The object selection every rollout subcommand makes (kubectl's builder with
 * ResourceTypeOrNameArgs(true, …), ContinueOnError and Latest): `TYPE NAME`, `TYPE/NAME`, a bare
 * TYPE for all its objects, `-l`, or `-f`, each object fetched from the server.
 */
import type { KubectlCommand } from '../mutate/kubectl-command';
import { clusterDeps, type ClusterDeps } from '../mutate/cluster-deps';
import { addFilenameFlags, addSelectorFlag, type SelectionFlags } from '../mutate/common-flags';
import { selectTargets, type Selection } from '../mutate/select-targets';
import { CliError, type CliContext } from '../context';

/** Parsed values of the selection flags. */
export type RolloutSelectionFlags = Pick<SelectionFlags, 'filename' | 'recursive' | 'selector'>;

/** Adds `-f/-R` and `-l` with kubectl's help texts. */
export function addRolloutSelectionFlags(cmd: KubectlCommand): void {
  addFilenameFlags(cmd, 'identifying the resource to get from a server.');
  addSelectorFlag(cmd);
}

/** kubectl's Validate: some resource must be named by argument or file. */
export function requireResource(args: string[], flags: RolloutSelectionFlags): void {
  if (args.length === 0 && (flags.filename ?? []).length === 0) throw new CliError('required resource not specified');
}

/** Resolves the cluster and the selected objects. */
export async function selectRolloutTargets(ctx: CliContext, args: string[], flags: RolloutSelectionFlags): Promise<{ deps: ClusterDeps; selection: Selection }> {
  const deps = await clusterDeps(ctx);
  const selection = await selectTargets(deps, {
    args,
    filenames: flags.filename ?? [],
    recursive: flags.recursive ?? false,
    labelSelector: flags.selector,
    all: false,
    allNamespaces: false,
    fetch: true,
    allowEmptySelector: true,
  });
  return { deps, selection };
}
