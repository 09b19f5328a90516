import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { statusError } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { CLIENT_VERSION, register, skewWarning, versionText } from './version';

const server = { ...CLIENT_VERSION, gitVersion: 'v1.32.0-mk', goVersion: 'go1.23', compiler: 'gc' };

describe('mk version', () => {
  it('prints client and server versions without a Kustomize line', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', '/version', server);
    await cli.run('version');
    expect(cli.stdout()).toBe('Client Version: v1.32.0-mk\nServer Version: v1.32.0-mk\n');
    expect(cli.stderr()).toBe('');
  });

  it('does not contact the server with --client', async () => {
    const cli = fakeCli([register]);
    await cli.run('version', '--client');
    expect(cli.stdout()).toBe('Client Version: v1.32.0-mk\n');
    expect(cli.client.calls()).toEqual([]);
  });

  it('prints JSON and YAML documents', () => {
    expect(JSON.parse(versionText(CLIENT_VERSION, server, 'json'))).toEqual({ clientVersion: CLIENT_VERSION, serverVersion: server });
    const yaml = versionText(CLIENT_VERSION, undefined, 'yaml');
    expect(yaml.startsWith('clientVersion:\n  buildDate: ')).toBe(true);
    expect(yaml.endsWith('\n\n')).toBe(true);
  });

  it('prints the client version before failing on the server', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', '/version', () => {
      throw statusError(401, 'Unauthorized', 'Unauthorized');
    });
    const err = await cli.run('version').catch((e: unknown) => e);
    expect(cli.stdout()).toBe('Client Version: v1.32.0-mk\n');
    expect(formatCliError(err).message).toBe('error: You must be logged in to the server (Unauthorized)\n');
  });

  it('warns about unsupported skew', () => {
    expect(skewWarning(CLIENT_VERSION, { ...server, gitVersion: 'v1.29.3' })).toBe(
      'WARNING: version difference between client (1.32) and server (1.29) exceeds the supported minor version skew of +/-1',
    );
    expect(skewWarning(CLIENT_VERSION, { ...server, gitVersion: 'v1.31.0' })).toBeUndefined();
  });

  it('validates -o', async () => {
    await expect(fakeCli([register]).run('version', '-o', 'wide')).rejects.toThrow("--output must be 'yaml' or 'json'");
  });
});
