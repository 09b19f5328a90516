/** Flags several mutating commands share, declared once with kubectl's names, defaults and help. */
import { Option, type Command } from 'commander';
import { CliError } from '../context';
import { DRY_RUN_BARE, DRY_RUN_HELP, parseGoBool } from './dry-run';
import { boolFlag, collectList } from './kubectl-command';

/** `-f/--filename` (repeatable, comma-separated) and `-R/--recursive`. */
export function addFilenameFlags(cmd: Command, usage: string): void {
  cmd.option('-f, --filename <file>', `Filename, directory, or glob of files ${usage}`, collectList);
  boolFlag(cmd, '-R, --recursive', 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.');
}

/** `--dry-run[=none|client|server]`. */
export function addDryRunFlag(cmd: Command): void {
  cmd.addOption(new Option('--dry-run [strategy]', DRY_RUN_HELP).preset(DRY_RUN_BARE).default('none'));
}

/** `--validate[=strict|warn|ignore|true|false]`. */
export function addValidateFlag(cmd: Command): void {
  cmd.addOption(
    new Option(
      '--validate [mode]',
      'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. "warn" will warn about unknown or duplicate fields without blocking the request. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    )
      .preset('strict')
      .default('strict'),
  );
}

/** kubectl's GetValidationDirective: the `fieldValidation` query value for --validate. */
export function fieldValidation(value: string | boolean | undefined): 'Strict' | 'Warn' | 'Ignore' {
  const raw = value === undefined || value === true ? 'strict' : String(value);
  const bool = parseGoBool(raw);
  if (bool !== undefined) return bool ? 'Strict' : 'Ignore';
  switch (raw) {
    case 'strict':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
      return 'Ignore';
  }
  throw new CliError(`invalid - validate option ${JSON.stringify(raw)}; must be one of: strict (or true), warn, ignore (or false)`);
}

/** `--field-manager` with the command's default manager name. */
export function addFieldManagerFlag(cmd: Command, defaultManager: string): void {
  cmd.option('--field-manager <name>', 'Name of the manager used to track field ownership.', defaultManager);
}

/** `-l/--selector`. */
export function addSelectorFlag(cmd: Command): void {
  cmd.option(
    '-l, --selector <selector>',
    "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  );
}

/** `--field-selector`. */
export function addFieldSelectorFlag(cmd: Command): void {
  cmd.option(
    '--field-selector <selector>',
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  );
}

/** Parsed values of the flags that choose objects: -f/-R, -l, --field-selector, --all, -A. */
export interface SelectionFlags {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
}

/** kubectl's rule for commands that select by type: `--all` excludes `-l` and `--field-selector`. */
export function rejectAllWithSelectors(flags: SelectionFlags): void {
  if (flags.all && flags.selector) throw new CliError('cannot set --all and --selector at the same time');
  if (flags.all && flags.fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
}

/** `-o/--output` for commands that print results (name, json, yaml). */
export function addOutputFlag(cmd: Command): void {
  cmd.option('-o, --output <format>', 'Output format. One of: (json, yaml, name).');
}
