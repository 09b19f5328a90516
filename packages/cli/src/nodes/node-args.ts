/** The argument rules cordon, uncordon and drain share (kubectl's DrainCmdOptions.Complete). */
import { CliError } from '../context';

/** validateNodeArgs needs node names or a --selector, never both; `verb` names the command in kubectl's usage messages. */
export function validateNodeArgs(verb: string, names: string[], selector: string | undefined): void {
  const hint = `See 'mk ${verb} -h' for help and examples`;
  if (names.length === 0 && !selector) throw new CliError(`USAGE: ${verb} NODE [flags]\n${hint}`);
  if (names.length > 0 && selector) throw new CliError(`error: cannot specify both a node name and a --selector option\n${hint}`);
}
