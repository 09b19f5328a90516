/** `mk completion bash|zsh`: shell completion scripts generated from mk's command tree. */
import type { Command } from 'commander';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { commandSpec } from '../mutate/completion-spec';
import { bashCompletion, zshCompletion } from '../mutate/completion-scripts';
import { examples, subcommand } from '../mutate/kubectl-command';

const LONG = `Output shell completion code for the specified shell (bash or zsh). The shell code must be evaluated to provide interactive completion of mk commands. This can be done by sourcing it from the .bash_profile.

Note for zsh users: zsh completions are only supported in versions of zsh >= 5.2.`;

const EXAMPLES = `
  # Load the mk completion code for bash into the current shell
  source <(mk completion bash)

  # Write bash completion code to a file and source it from .bash_profile
  mk completion bash > ~/.kube/mk_completion.bash.inc
  printf "
  # mk shell completion
  source '$HOME/.kube/mk_completion.bash.inc'
  " >> $HOME/.bash_profile
  source $HOME/.bash_profile

  # Load the mk completion code for zsh into the current shell
  source <(mk completion zsh)
  # Set the mk completion code for zsh to autoload on startup
  mk completion zsh > "\${fpath[1]}/_mk"`;

function root(cmd: Command): Command {
  let c = cmd;
  while (c.parent) c = c.parent;
  return c;
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'completion')
    .usage('SHELL [options]')
    .summary('Output shell completion code for the specified shell (bash or zsh)')
    .description(LONG)
    .argument('[shell...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.action(async (args: string[]) => {
    if (args.length === 0) throw new CliError(`Shell not specified.\nSee 'mk completion -h' for help and examples`);
    if (args.length > 1) throw new CliError(`Too many arguments. Expected only the shell type.\nSee 'mk completion -h' for help and examples`);
    const spec = commandSpec(root(cmd));
    const bin = root(cmd).name();
    if (args[0] === 'bash') ctx.io.out(bashCompletion(spec, bin));
    else if (args[0] === 'zsh') ctx.io.out(zshCompletion(spec, bin));
    else throw new CliError(`Unsupported shell type ${JSON.stringify(args[0])}.`);
  });
};
