/** meta/v1 DeleteOptions as kubectl sends them, and the --cascade / --grace-period flags behind them. */
import { CliError } from '../context';
import { parseGoBool, type DryRunStrategy } from './dry-run';

/** Propagation policies (DeletionPropagation). */
export type CascadeStrategy = 'Background' | 'Foreground' | 'Orphan';

/** kubectl's parseCascadingFlag: names, and the deprecated booleans with a warning. */
export function parseCascade(value: string | boolean | undefined, warn: (message: string) => void): CascadeStrategy {
  const raw = value === undefined || value === true ? 'background' : String(value);
  switch (raw) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
  }
  const bool = parseGoBool(raw);
  if (bool === undefined) throw new CliError(`invalid cascade value (${raw}). Must be "background", "foreground", or "orphan"`);
  const replacement = bool ? 'background' : 'orphan';
  warn(`warning: --cascade=${raw} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.`);
  return bool ? 'Background' : 'Orphan';
}

/** The request body of a DELETE, fields in Go struct order (gracePeriodSeconds only when >= 0). */
export function deleteOptionsBody(opts: { cascade: CascadeStrategy; gracePeriod: number; dryRun: DryRunStrategy }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (opts.gracePeriod >= 0) body.gracePeriodSeconds = opts.gracePeriod;
  body.propagationPolicy = opts.cascade;
  if (opts.dryRun === 'server') body.dryRun = ['All'];
  return body;
}
