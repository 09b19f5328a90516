/**
 * How commands that keep going after per-object failures (apply, create -f, delete, label, …) end:
 * kubectl collects the errors and hands them to checkErr at the end. One error is printed as checkErr
 * prints it (the CLI's error boundary does that when it is re-thrown); several are printed one per line
 * with StandardErrorMessage (so plain errors lose their `error: ` prefix), then the exit code is 1.
 */
import { isApiError, isTransportError } from '@mk/client';
import { CliError, type CliIO } from '../context';

/** kubectl's messageForError for one member of an aggregate. */
export function aggregateMessage(err: unknown): string {
  if (isApiError(err)) {
    const message = err.status.message ?? err.message;
    if (err.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`;
    return err.reason ? `Error from server (${err.reason}): ${message}` : `Error from server: ${message}`;
  }
  if (isTransportError(err)) {
    return err.refused
      ? `The connection to the server ${err.host} was refused - did you specify the right host or port?`
      : `Unable to connect to the server: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Ends a command that collected errors: nothing when there are none, re-throws a single one, prints several. */
export function finishWithErrors(errors: unknown[], io: CliIO): void {
  if (errors.length === 0) return;
  if (errors.length === 1) throw errors[0];
  io.err(errors.map((e) => `${aggregateMessage(e)}\n`).join(''));
  // The messages are printed; an empty CliError only sets the exit code (kubectl's ErrExit).
  throw new CliError('', 1);
}
