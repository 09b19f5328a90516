/** The flags `create -f` and every `create` generator subcommand share, and the CreatePlan they make. */
import type { Command } from 'commander';
import { addDryRunFlag, addFieldManagerFlag, addOutputFlag, addValidateFlag, fieldValidation } from './common-flags';
import type { CreatePlan } from './create-objects';
import type { DryRunStrategy } from './dry-run';
import { boolFlag } from './kubectl-command';

/** Parsed values of the shared create flags. */
export interface CreateFlags {
  saveConfig?: boolean;
  validate?: string | boolean;
  dryRun?: string | boolean;
  output?: string;
  fieldManager: string;
}

/** Adds --save-config, --validate, --dry-run, -o and --field-manager (default kubectl-create). */
export function addCreateFlags(cmd: Command): void {
  boolFlag(
    cmd,
    '--save-config',
    'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform mk apply on this object in the future.',
  );
  addValidateFlag(cmd);
  addDryRunFlag(cmd);
  addOutputFlag(cmd);
  addFieldManagerFlag(cmd, 'kubectl-create');
}

/** The plan of a create; `dryRun` comes parsed because callers parse it (and print its warning) before reading -o. */
export function createPlan(flags: CreateFlags, dryRun: DryRunStrategy): CreatePlan {
  return { dryRun, fieldManager: flags.fieldManager, fieldValidation: fieldValidation(flags.validate), saveConfig: flags.saveConfig ?? false };
}
