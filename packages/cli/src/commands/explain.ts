/** `mk explain`: documentation of a resource and its fields, from the server's OpenAPI v3 (kubectl explain). */
import { explainFieldPath, explainLines, type OpenApiDocument } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { splitApiVersion } from '../manifests/mapping';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { resolveResource } from '../util/resolve';

const LONG = `Describe fields and structure of various resources.

This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

Information about each field is retrieved from the server in OpenAPI format.

Use "mk api-resources" for a complete list of supported resources.`;

const EXAMPLES = `
  # Get the documentation of the resource and its fields
  mk explain pods

  # Get all the fields in the resource
  mk explain pods --recursive

  # Get the explanation for deployment in supported api versions
  mk explain deployments --api-version=apps/v1

  # Get the documentation of a specific field of a resource
  mk explain pods.spec.containers`;

/** The OpenAPI v3 document of one group version, through /openapi/v3's index as kubectl fetches it. */
export async function fetchGroupVersionDocument(client: ApiClient, group: string, version: string, resource: string): Promise<OpenApiDocument> {
  let index: { paths?: Record<string, { serverRelativeURL?: string }> };
  try {
    index = await client.request('GET', '/openapi/v3');
  } catch (err) {
    throw new Error(`failed to fetch list of groupVersions: ${(err as Error).message}`);
  }
  const key = group ? `apis/${group}/${version}` : `api/${version}`;
  const entry = index?.paths?.[key];
  if (!entry?.serverRelativeURL) throw new Error(`couldn't find resource for "${group}/${version}, Resource=${resource}"`);
  try {
    return await client.request<OpenApiDocument>('GET', entry.serverRelativeURL, { accept: 'application/json' });
  } catch (err) {
    throw new Error(`failed to fetch openapi schema for ${key}: ${(err as Error).message}`);
  }
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'explain')
    .usage('TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext] [options]')
    .summary('Get documentation for a resource')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  boolFlag(cmd, '--recursive', 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.');
  cmd.option('--api-version <group/version>', 'Use given api-version (group/version) of the resource.');
  cmd.option('-o, --output <format>', 'Format in which to render the schema. Valid values are: (plaintext).', 'plaintext');

  cmd.action(async (args: string[], flags: { recursive?: boolean; apiVersion?: string; output: string }) => {
    if (args.length === 0) throw new CliError('You must specify the type of resource to explain. Use "mk api-resources" for a complete list of supported resources.\n');
    if (args.length > 1) throw new CliError('We accept only this format: explain RESOURCE\n');
    if (flags.output !== 'plaintext') throw new CliError(`unsupported output format: ${flags.output}; mk renders only plaintext`);
    const client = await ctx.client();
    const argument = args[0]!;
    let resource: Awaited<ReturnType<typeof resolveResource>>;
    try {
      resource = await resolveResource(client, argument.split('.')[0]!);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      // explain meets the REST mapper's NoResourceMatchError, which kubectl prints without "error: ".
      ctx.io.err(`${err.message}\n`);
      throw new CliError('');
    }
    const fieldPath = explainFieldPath(argument, resource.plural, resource.group);
    const { group, version } = flags.apiVersion ? splitApiVersion(flags.apiVersion) : resource;
    const doc = await fetchGroupVersionDocument(client, group, version, resource.plural);
    const result = explainLines(doc, group, version, resource.kind, fieldPath, { recursive: flags.recursive ?? false });
    ctx.io.out(result.lines.map((l) => `${l}\n`).join(''));
    if (result.error) throw new CliError(result.error);
  });
};
