/** `mk replace`: replace resources by file name or stdin (PUT), or delete and re-create them with --force. */
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFieldManagerFlag, addFilenameFlags, addOutputFlag, addValidateFlag, fieldValidation } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { replaceFromFiles } from '../mutate/replace-objects';
import { parseGoDuration } from '@mk/client';

interface ReplaceFlags {
  filename?: string[];
  recursive?: boolean;
  validate?: string | boolean;
  dryRun?: string | boolean;
  output?: string;
  fieldManager: string;
  force?: boolean;
  timeout: string;
}

const EXAMPLES = `
  # Replace a pod using the data in pod.json
  mk replace -f ./pod.json

  # Replace a pod based on the JSON passed into stdin
  cat pod.json | mk replace -f -

  # Force replace, delete and then re-create the resource
  mk replace --force -f ./pod.json`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'replace')
    .usage('-f FILENAME [options]')
    .summary('Replace a resource by file name or stdin')
    .description(
      'Replace a resource by file name or stdin.\n\nJSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n $ mk get TYPE NAME -o yaml',
    )
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addFilenameFlags(cmd, 'contains the configuration to replace');
  addValidateFlag(cmd);
  addDryRunFlag(cmd);
  addOutputFlag(cmd);
  addFieldManagerFlag(cmd, 'kubectl-replace');
  boolFlag(cmd, '--force', 'If true, immediately remove resources from API and bypass graceful deletion, then re-create them.');
  cmd.option('--timeout <duration>', 'The length of time to wait before giving up on a delete with --force, zero means wait forever', '0s');

  cmd.action(async (args: string[], flags: ReplaceFlags) => {
    if (!flags.filename?.length) throw new CliError('must specify --filename to replace');
    if (args.length > 0) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'mk replace -h' for help and examples`);
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const timeout = parseGoDuration(flags.timeout);
    await replaceFromFiles(
      { ...(await clusterDeps(ctx)), printer: new ResultPrinter(ctx.io, parseResultFormat(flags.output)) },
      { filenames: flags.filename, recursive: flags.recursive ?? false },
      { dryRun, fieldManager: flags.fieldManager, fieldValidation: fieldValidation(flags.validate), force: flags.force ?? false, timeoutMs: timeout > 0 ? timeout : 2 ** 31 - 1 },
    );
  });
};
