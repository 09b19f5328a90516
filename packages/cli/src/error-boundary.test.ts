import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ApiError, KubeconfigError, TransportError, type StatusJSON } from '@mk/client';
import { CliError } from './context';
import { formatCliError, runWithErrorBoundary } from './error-boundary';

const status = (s: Partial<StatusJSON>): ApiError => new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500, ...s });

describe('formatCliError', () => {
  it('prints Status errors with their reason', () => {
    expect(formatCliError(status({ code: 404, reason: 'NotFound', message: 'pods "x" not found' }))).toEqual({ message: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 });
    expect(formatCliError(status({ code: 409, reason: 'AlreadyExists', message: 'error when creating "pod2.yaml": pods "web-2" already exists' })).message).toBe(
      'Error from server (AlreadyExists): error when creating "pod2.yaml": pods "web-2" already exists\n',
    );
  });

  it('prints Status errors without a reason as "Error from server:"', () => {
    expect(formatCliError(status({ code: 418, message: 'teapot' })).message).toBe('Error from server: teapot\n');
  });

  it('prints 401 as kubectl\'s login error', () => {
    expect(formatCliError(status({ code: 401, reason: 'Unauthorized', message: 'Unauthorized' })).message).toBe('error: You must be logged in to the server (Unauthorized)\n');
  });

  it('formats Invalid with one cause on one line', () => {
    const err = status({ code: 422, reason: 'Invalid', message: 'Pod "web-3" is invalid: spec.containers[0].image: Required value', details: { name: 'web-3', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] } });
    expect(formatCliError(err)).toEqual({ message: 'The Pod "web-3" is invalid: spec.containers[0].image: Required value\n', exitCode: 1 });
  });

  it('formats Invalid with several causes as a bullet list, dropping duplicates', () => {
    const err = status({
      code: 422,
      reason: 'Invalid',
      details: { name: 'web', kind: 'Deployment', causes: [
        { field: 'spec.selector', message: 'Required value' },
        { field: 'spec.template.metadata.labels', message: 'Invalid value: map[string]string(nil): `selector` does not match template `labels`' },
        { field: 'spec.selector', message: 'Required value' },
      ] },
    });
    expect(formatCliError(err).message).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`\n',
    );
  });

  it('formats Invalid without details or causes', () => {
    expect(formatCliError(status({ code: 422, reason: 'Invalid', message: 'x' })).message).toBe('The request is invalid\n');
    expect(formatCliError(status({ code: 422, reason: 'Invalid', details: { name: 'a', kind: 'Pod' } })).message).toBe('The Pod "a" is invalid\n');
  });

  it('prints refused connections as kubectl does', () => {
    expect(formatCliError(new TransportError('http://127.0.0.1:41234/api', 'ECONNREFUSED', 'connect ECONNREFUSED')).message).toBe(
      'The connection to the server 127.0.0.1:41234 was refused - did you specify the right host or port?\n',
    );
    expect(formatCliError(new TransportError('http://10.0.0.1:6443/api', 'Timeout', 'net/http: request canceled (Client.Timeout exceeded while awaiting headers)')).message).toBe(
      'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)\n',
    );
  });

  it('prints configuration errors as kubectl does', () => {
    expect(formatCliError(new KubeconfigError('context was not found for specified context: x', true)).message).toBe('Error in configuration: context was not found for specified context: x\n');
    expect(formatCliError(new KubeconfigError('stat /x: no such file or directory')).message).toBe('error: stat /x: no such file or directory\n');
  });

  it('prefixes other errors with "error: " once, and keeps CliError exit codes', () => {
    expect(formatCliError(new CliError('boom', 3))).toEqual({ message: 'error: boom\n', exitCode: 3 });
    expect(formatCliError(new Error('error: already prefixed')).message).toBe('error: already prefixed\n');
    expect(formatCliError('plain')).toEqual({ message: 'error: plain\n', exitCode: 1 });
  });

  it('stays silent for an empty CliError and for Commander errors', () => {
    expect(formatCliError(new CliError(''))).toEqual({ message: '', exitCode: 1 });
    expect(formatCliError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ message: '', exitCode: 0 });
    expect(formatCliError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toEqual({ message: '', exitCode: 1 });
  });
});

describe('runWithErrorBoundary', () => {
  it('returns 0 on success and prints the formatted error otherwise', async () => {
    const printed: string[] = [];
    expect(await runWithErrorBoundary(async () => {}, (s) => printed.push(s))).toBe(0);
    expect(await runWithErrorBoundary(async () => { throw status({ code: 404, reason: 'NotFound', message: 'm' }); }, (s) => printed.push(s))).toBe(1);
    expect(printed).toEqual(['Error from server (NotFound): m\n']);
  });
});
