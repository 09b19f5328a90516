/** Duration flags (pflag's DurationVar) with pflag's message for a bad value. */
import { parseGoDuration } from '@mk/client';
import { FlagValueError } from './flag-error';

/** Milliseconds of a Go duration flag such as --timeout=30s; throws FlagValueError for a bad value. */
export function durationFlag(name: string, value: string): number {
  try {
    return parseGoDuration(value);
  } catch (err) {
    throw new FlagValueError(`invalid argument ${JSON.stringify(value)} for "--${name}" flag: ${(err as Error).message}`);
  }
}
