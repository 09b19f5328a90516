/** `mk create`: create resources from files (`-f`) or with a generator subcommand (namespace, configmap, secret generic, deployment). */
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addFilenameFlags, addSelectorFlag } from '../mutate/common-flags';
import { addCreateFlags, createPlan, type CreateFlags } from '../mutate/create-flags';
import { createFromFiles } from '../mutate/create-objects';
import { registerCreateGenerators } from '../mutate/create-generators';
import { parseDryRun } from '../mutate/dry-run';
import { examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';

/** Parsed flags of `mk create -f`. */
interface CreateFromFilesFlags extends CreateFlags {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
}

const EXAMPLES = `
  # Create a pod using the data in pod.json
  mk create -f ./pod.json

  # Create a pod based on the JSON passed into stdin
  cat pod.json | mk create -f -

  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  mk create -f registry.yaml --dry-run=client -o json`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'create')
    .usage('-f FILENAME [options]')
    .summary('Create a resource from a file or from stdin')
    .description('Create a resource from a file or from stdin.\n\nJSON and YAML formats are accepted.')
    .argument('[args...]')
    // Flags after a generator's name belong to the generator (`create namespace x -o yaml`).
    .enablePositionalOptions()
    .addHelpText('after', examples(EXAMPLES));
  addFilenameFlags(cmd, 'to use to create the resource');
  addSelectorFlag(cmd);
  addCreateFlags(cmd);
  registerCreateGenerators(cmd, ctx, process.env);

  cmd.action(async (args: string[], flags: CreateFromFilesFlags) => {
    if (!flags.filename?.length) {
      if (args.length > 0) throw new CliError(`unknown command ${JSON.stringify(args[0])} for "mk create"`);
      throw new CliError('must specify one of -f and -k');
    }
    if (args.length > 0) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'mk create -h' for help and examples`);
    const warn = (m: string): void => ctx.io.err(`${m}\n`);
    const dryRun = parseDryRun(flags.dryRun, warn);
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output));
    await createFromFiles(
      { ...(await clusterDeps(ctx)), printer },
      { filenames: flags.filename, recursive: flags.recursive ?? false, selector: flags.selector },
      createPlan(flags, dryRun),
    );
  });
};
