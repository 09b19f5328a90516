/** `mk taint`: update the taints on nodes (kubectl taint). */
import type { Node } from 'kubernetes-types/core/v1';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { addDryRunFlag, addFieldManagerFlag, addSelectorFlag, addValidateFlag, fieldValidation } from '../mutate/common-flags';
import { dryRunQuery, parseDryRun, withDryRunSuffix } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { finishWithErrors } from '../mutate/report-errors';
import { listNodes, selectNodes } from '../nodes/node-targets';
import { applyTaintChanges, conflictingTaints, parseTaints, splitTaintArgs, TaintNotFoundError, type Taint, type TaintChanges } from '../nodes/taints';
import { discoverTypes, findResource } from '../util/resolve';

const LONG = `Update the taints on one or more nodes.

  * A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  * The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  * Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  * The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  * The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  * Currently taint can only apply to node.`;

const EXAMPLES = `
  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  mk taint nodes foo dedicated=special-user:NoSchedule

  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  mk taint nodes foo dedicated:NoSchedule-

  # Remove from node 'foo' all the taints with key 'dedicated'
  mk taint nodes foo dedicated-

  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  mk taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

  # Add to node 'foo' a taint with key 'bar' and no value
  mk taint nodes foo bar:NoSchedule`;

const USAGE_HINT = "See 'mk taint -h' for help and examples";

interface TaintFlags {
  overwrite?: boolean;
  all?: boolean;
  selector?: string;
  dryRun?: string;
  validate?: string | boolean;
  fieldManager: string;
}

/** Complete + Validate of kubectl taint: which nodes and which changes, or kubectl's error. */
function parseCommandLine(args: string[], flags: TaintFlags): { resources: string[]; changes: TaintChanges } {
  let split;
  try {
    split = splitTaintArgs(args);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  if (split.resources.length < 1) throw new CliError('one or more resources must be specified as <resource> <name>');
  if (split.taintArgs.length < 1) throw new CliError('at least one taint update is required');
  let changes: TaintChanges;
  try {
    changes = parseTaints(split.taintArgs);
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE_HINT}`);
  }
  return { resources: split.resources, changes };
}

function validateSelection(resources: string[], changes: TaintChanges, flags: TaintFlags): void {
  const conflicts = conflictingTaints(changes);
  if (conflicts.length) throw new CliError(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  if (flags.all && flags.selector) throw new CliError("setting 'all' parameter with a non empty selector is prohibited");
  if (!flags.all && !flags.selector && resources.length < 2) throw new CliError("at least one resource name must be specified since 'all' parameter is not set");
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'taint')
    .usage('NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N')
    .summary('Update the taints on one or more nodes')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  boolFlag(cmd, '--overwrite', 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.');
  boolFlag(cmd, '--all', 'Select all nodes in the cluster');
  addSelectorFlag(cmd);
  addDryRunFlag(cmd);
  addValidateFlag(cmd);
  addFieldManagerFlag(cmd, 'kubectl-taint');
  cmd.action(async (args: string[], flags: TaintFlags) => {
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const validation = fieldValidation(flags.validate);
    const { resources, changes } = parseCommandLine(args, flags);
    const client = await ctx.client();
    const type = resources[0]!.toLowerCase();
    if (findResource(await discoverTypes(client, [type]), type).kind !== 'Node') throw new CliError(`invalid resource type ${type}, only node types are supported`);
    validateSelection(resources, changes, flags);

    const errors: unknown[] = [];
    let nodes: Node[] = [];
    if (flags.all || flags.selector) {
      nodes = await listNodes(client, flags.selector);
    } else {
      // kubectl's builder continues on error: a missing node is reported after the others are done.
      for (const name of resources.slice(1)) {
        try {
          nodes.push(...(await selectNodes(client, [name])));
        } catch (err) {
          errors.push(err);
        }
      }
    }
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      try {
        const update = applyTaintChanges(name, (node.spec?.taints ?? []) as Taint[], changes, !!flags.overwrite);
        if (dryRun !== 'client') {
          await client.request('PATCH', `/api/v1/nodes/${encodeURIComponent(name)}`, {
            // spec.taints is an atomic list, so the strategic merge patch replaces it whole.
            body: { spec: { taints: update.taints.length ? update.taints : null } },
            contentType: 'application/strategic-merge-patch+json',
            query: { ...dryRunQuery(dryRun), fieldManager: flags.fieldManager, fieldValidation: validation },
          });
        }
        ctx.io.out(`node/${name} ${withDryRunSuffix(update.operation, dryRun)}\n`);
      } catch (err) {
        if (err instanceof TaintNotFoundError) errors.push(...err.messages.map((m) => new CliError(m)));
        else if (err instanceof Error && !('status' in err)) errors.push(new CliError(err.message));
        else errors.push(err);
      }
    }
    finishWithErrors(errors, ctx.io);
  });
};
