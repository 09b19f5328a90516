/** `mk version`: client and server versions (kubectl version, without the Kustomize line: mk has no kustomize). */
import { goPlatform, MK_RELEASE, type VersionInfo } from '@mk/api';
import { stringify } from 'yaml';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';

/** mk's CLI speaks kubectl 1.32, so it reports mk's release as its client version, built by esbuild for Node. */
export const CLIENT_VERSION: VersionInfo = {
  ...MK_RELEASE,
  goVersion: `node${process.versions.node}`,
  compiler: 'esbuild',
  platform: goPlatform(process.platform, process.arch),
};

/** The text `version` prints for -o '' | json | yaml. */
export function versionText(client: VersionInfo, server: VersionInfo | undefined, output: string): string {
  const both = { clientVersion: client, ...(server ? { serverVersion: server } : {}) };
  if (output === 'json') return `${JSON.stringify(both, null, 2)}\n`;
  // sigs.k8s.io/yaml sorts keys; Fprintln adds a newline after the document's own.
  if (output === 'yaml') return `${stringify(both, { sortMapEntries: true })}\n`;
  return `Client Version: ${client.gitVersion}\n${server ? `Server Version: ${server.gitVersion}\n` : ''}`;
}

/** kubectl's skew warning when the minor versions differ by more than one. */
export function skewWarning(client: VersionInfo, server: VersionInfo): string | undefined {
  const parse = (v: string): [number, number] | undefined => {
    const m = /^v?(\d+)\.(\d+)\.\d+/.exec(v);
    return m ? [Number(m[1]), Number(m[2])] : undefined;
  };
  const c = parse(client.gitVersion);
  const s = parse(server.gitVersion);
  if (!c || !s) return undefined;
  if (c[0] === s[0] && Math.abs(c[1] - s[1]) <= 1) return undefined;
  return `WARNING: version difference between client (${c[0]}.${c[1]}) and server (${s[0]}.${s[1]}) exceeds the supported minor version skew of +/-1`;
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'version')
    .usage('[options]')
    .summary('Print the client and server version information')
    .description('Print the client and server version information for the current context.')
    .argument('[args...]')
    .addHelpText('after', examples(`
      # Print the client and server versions for the current context
      mk version`));
  boolFlag(cmd, '--client', 'If true, shows client version only (no server required).');
  cmd.option('-o, --output <format>', "One of 'yaml' or 'json'.");

  cmd.action(async (args: string[], flags: { client?: boolean; output?: string }) => {
    if (args.length > 0 && !flags.client) throw new CliError(`extra arguments: [${args.join(' ')}]`);
    const output = flags.output ?? '';
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new CliError("--output must be 'yaml' or 'json'");
    let server: VersionInfo | undefined;
    let serverError: unknown;
    if (!flags.client) {
      try {
        server = await (await ctx.client()).request<VersionInfo>('GET', '/version');
      } catch (err) {
        serverError = err;
      }
    }
    ctx.io.out(versionText(CLIENT_VERSION, server, output));
    const warning = server && skewWarning(CLIENT_VERSION, server);
    if (warning) ctx.io.err(`${warning}\n`);
    if (serverError !== undefined) throw serverError;
  });
};
