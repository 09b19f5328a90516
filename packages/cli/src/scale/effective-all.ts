/**
 * How kubectl's builder reads --all (ResourceTypeOrNameArgs with allowEmptySelector): it selects
 * every object of bare types (`deploy --all`), and has no effect once names are given
 * (`deploy/web --all`), where treating it as a selector would be an error.
 */
import { parseResourceArgs } from '../util/resolve';

/** --all as the builder applies it to these arguments. */
export function effectiveAll(all: boolean, args: string[]): boolean {
  if (!all) return false;
  const parsed = parseResourceArgs(args);
  return parsed.names.length === 0 && parsed.tuples.length === 0;
}
