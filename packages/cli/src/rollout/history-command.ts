/** `mk rollout history`: list a workload's revisions or show one (kubectl pkg/cmd/rollout/rollout_history.go). */
import type { KObject } from '@mk/api';
import type { Command } from 'commander';
import { CliError, type CliContext } from '../context';
import { addOutputFlag } from '../mutate/common-flags';
import { examples, subcommand } from '../mutate/kubectl-command';
import { nameLine } from '../mutate/naming';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import type { Target } from '../mutate/targets';
import { historyViewerFor } from './history-viewer';
import { int64Flag } from './revision';
import { addRolloutSelectionFlags, requireResource, selectRolloutTargets, type RolloutSelectionFlags } from './select-rollout-targets';

/** Parsed flags of `rollout history`. */
interface HistoryFlags extends RolloutSelectionFlags {
  revision?: string;
  output?: string;
}

const EXAMPLES = `
  # View the rollout history of a deployment
  mk rollout history deployment/abc

  # View the details of daemonset revision 3
  mk rollout history daemonset/abc --revision=3`;

/** The group and kind of an object from its apiVersion and kind, for `-o name`. */
function typeOf(obj: KObject): { group: string; kind: string } {
  const apiVersion = obj.apiVersion ?? '';
  return { group: apiVersion.includes('/') ? apiVersion.split('/')[0]! : '', kind: obj.kind ?? '' };
}

/** kubectl's default output: the name, then the table or "with revision #N" and the revision's Pod Template. */
async function printHistoryText(ctx: CliContext, target: Target, revision: number): Promise<void> {
  const client = await ctx.client();
  const text = await historyViewerFor(target.resource.group, target.resource.kind).view(client, target.namespace, target.name, revision);
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  ctx.io.out(`${nameLine(target.resource, target.name, `${withRevision}\n${text}`)}\n`);
}

/** With -o: the object behind each revision (ReplicaSets, or the workload as of each revision), oldest first. */
async function printHistoryObjects(ctx: CliContext, printer: ResultPrinter, target: Target, revision: number): Promise<void> {
  const client = await ctx.client();
  const objects = await historyViewerFor(target.resource.group, target.resource.kind).objects(client, target.namespace, target.name);
  const revisions = revision > 0 ? [revision] : [...objects.keys()].sort((a, b) => a - b);
  for (const r of revisions) {
    const obj = objects.get(r);
    // kubectl dereferences a missing revision and crashes; report it as the text output does.
    if (!obj) throw new Error('unable to find the specified revision');
    printer.print(obj, typeOf(obj), obj.metadata?.name ?? '', '');
  }
}

/** Adds `history` under `rollout`. */
export function addHistoryCommand(rollout: Command, ctx: CliContext): void {
  const cmd = subcommand(rollout, 'history')
    .usage('(TYPE NAME | TYPE/NAME) [flags]')
    .summary('View rollout history')
    .description('View previous rollout revisions and configurations.')
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('--revision <n>', 'See the details, including podTemplate of the revision specified');
  addRolloutSelectionFlags(cmd);
  addOutputFlag(cmd);
  cmd.action(async (args: string[], flags: HistoryFlags) => {
    const revision = int64Flag('revision', flags.revision);
    requireResource(args, flags);
    if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
    const output = flags.output === undefined ? undefined : parseResultFormat(flags.output);
    const { selection } = await selectRolloutTargets(ctx, args, flags);
    const errors: unknown[] = [...selection.errors];
    const printer = output === undefined ? undefined : new ResultPrinter(ctx.io, output);
    for (const target of selection.targets) {
      try {
        if (printer) await printHistoryObjects(ctx, printer, target, revision);
        else await printHistoryText(ctx, target, revision);
      } catch (err) {
        errors.push(err);
      }
    }
    finishWithErrors(errors, ctx.io);
  });
}
