/** `mk set`: configure application resources (kubectl set); `image` is the subcommand mk has so far. */
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { subcommand } from '../mutate/kubectl-command';
import { addImageCommand } from '../set/image-command';

const LONG = `Configure application resources.

 These commands help you make changes to existing application resources.`;

export const register: RegisterCommand = (program, ctx) => {
  const set = subcommand(program, 'set')
    .usage('SUBCOMMAND [options]')
    .summary('Set specific features on objects')
    .description(LONG)
    .argument('[args...]');
  addImageCommand(set, ctx);
  // kubectl's DefaultSubCommandRun: arguments that name no subcommand are an error; none prints the help to stderr and fails.
  set.action((args: string[]) => {
    if (args.length > 0) throw new CliError(`unknown command ${JSON.stringify(args.join(' '))}\nSee 'mk set -h' for help and examples`);
    set.outputHelp({ error: true });
    throw new CliError('', 1);
  });
};
