/** The `--dry-run` flag shared by mutating commands, with kubectl's parsing, messages and wire form. */
import { CliError } from '../context';

/** none: send; client: send nothing; server: send with dryRun=All so nothing is persisted. */
export type DryRunStrategy = 'none' | 'client' | 'server';

/** What commander hands over when `--dry-run` is given without a value (kubectl's NoOptDefVal). */
export const DRY_RUN_BARE = 'unchanged';

/** Help text of the flag, as kubectl's. */
export const DRY_RUN_HELP =
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';

/** kubectl's GetDryRunStrategy: accepts the three names, the bare flag and the deprecated booleans. */
export function parseDryRun(value: string | boolean | undefined, warn: (message: string) => void): DryRunStrategy {
  const raw = value === undefined ? 'none' : String(value);
  switch (raw) {
    case 'none':
    case 'client':
    case 'server':
      return raw;
    case DRY_RUN_BARE:
      warn('--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
  }
  const bool = parseGoBool(raw);
  if (bool === undefined) throw new CliError(`Invalid dry-run value (${raw}). Must be "none", "server", or "client".`);
  warn(`--dry-run=${raw} is deprecated (boolean value) and can be replaced with --dry-run=${bool ? 'client' : 'none'}.`);
  return bool ? 'client' : 'none';
}

/** The operation word with kubectl's dry-run suffix: `created (dry run)`, `created (server dry run)`. */
export function withDryRunSuffix(operation: string, dryRun: DryRunStrategy): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}

/** Query parameters for a server dry run. */
export function dryRunQuery(dryRun: DryRunStrategy): { dryRun?: string } {
  return dryRun === 'server' ? { dryRun: 'All' } : {};
}

/** strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}
