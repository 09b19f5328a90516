/**
 * The CLI's one error boundary: every error a command throws is printed the
 * way kubectl's checkErr prints it, and mapped to an exit code.
 */
import { CommanderError } from 'commander';
import { isApiError, isKubeconfigError, isTransportError, type StatusJSON } from '@mk/client';

/** What to print on stderr (ends with a newline; '' for nothing) and the exit code. */
export interface FormattedError {
  message: string;
  exitCode: number;
}

/** kubectl's DefaultErrorExitCode. */
const DEFAULT_EXIT_CODE = 1;

/** formatCliError maps an error to kubectl's output and exit code. */
export function formatCliError(err: unknown): FormattedError {
  // Commander has already printed its own message (unknown flag, missing argument) or the help.
  if (err instanceof CommanderError || (err instanceof Error && err.name === 'CommanderError')) {
    return { message: '', exitCode: (err as CommanderError).exitCode };
  }
  if (isApiError(err)) return { message: withNewline(apiErrorMessage(err.status)), exitCode: DEFAULT_EXIT_CODE };
  if (isKubeconfigError(err) && err.invalidConfiguration) {
    return { message: withNewline(`Error in configuration: ${err.message}`), exitCode: DEFAULT_EXIT_CODE };
  }
  if (isTransportError(err)) {
    const message = err.refused
      ? `The connection to the server ${err.host} was refused - did you specify the right host or port?`
      : `Unable to connect to the server: ${err.message}`;
    return { message: withNewline(message), exitCode: DEFAULT_EXIT_CODE };
  }
  const exitCode = exitCodeOf(err);
  const text = err instanceof Error ? err.message : String(err);
  // An empty message is kubectl's ErrExit: the command already said everything; just exit.
  if (text === '') return { message: '', exitCode };
  return { message: withNewline(text.startsWith('error: ') ? text : `error: ${text}`), exitCode };
}

/** apiErrorMessage is kubectl's StandardErrorMessage for a Status, with the special Invalid layout. */
export function apiErrorMessage(status: StatusJSON): string {
  const reason = status.reason ?? '';
  const message = status.message ?? '';
  if (reason === 'Invalid' || (reason === '' && status.code === 422)) return invalidMessage(status);
  if (reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`;
  if (reason) return `Error from server (${reason}): ${message}`;
  return `Error from server: ${message}`;
}

/** `The Pod "web-3" is invalid: field: msg`, or a bullet list for several distinct causes. */
function invalidMessage(status: StatusJSON): string {
  const details = status.details;
  if (!details) return 'The request is invalid';
  const head = details.kind || details.name ? `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid` : 'The request is invalid';
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (causes.length === 0) return head;
  if (causes.length === 1) return `${head}: ${causes[0]}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/** Errors other than CliError may carry their own exit code (e.g. a remote command's). */
function exitCodeOf(err: unknown): number {
  const code = (err as { exitCode?: unknown })?.exitCode;
  return typeof code === 'number' && Number.isInteger(code) && code > 0 ? code : DEFAULT_EXIT_CODE;
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text + '\n';
}

/** runWithErrorBoundary runs a command, prints any error to `err` and returns the exit code. */
export async function runWithErrorBoundary(run: () => Promise<void>, err: (text: string) => void): Promise<number> {
  try {
    await run();
    return 0;
  } catch (e) {
    const formatted = formatCliError(e);
    if (formatted.message) err(formatted.message);
    return formatted.exitCode;
  }
}
