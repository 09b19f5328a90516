/** The daemon's node control API (/mk/v1/nodes) as the CLI calls it; errors arrive as Kubernetes Status (ApiError). */
import { isApiError, type ApiClient } from '@mk/client';
import { CliError } from '../context';

/** A node the daemon runs, as the control API shows it. */
export interface NodeAgentInfo {
  name: string;
  power: 'on' | 'off';
  /** Its agent has booted (registered and heartbeating) since it was last switched on. */
  booted: boolean;
  runtime: string;
  controlPlane: boolean;
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect?: string }[];
  capacity: { cpu?: string; memory?: string; pods?: string };
}

/** The body of `mk node add`. */
export interface AddNodeBody {
  name?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect?: string }[];
  cpu?: string;
  memory?: string;
  pods?: string;
  runtime?: string;
}

/** A power change and whether the node was already in that state. */
export interface PowerChange {
  node: NodeAgentInfo;
  changed: boolean;
}

const BASE = '/mk/v1/nodes';
const at = (name: string): string => `${BASE}/${encodeURIComponent(name)}`;

/**
 * call sends a request to the node API. A server without it (a cluster not run
 * by mk) answers 404 without naming a node; that becomes an explanation.
 */
async function call<T>(client: ApiClient, method: string, path: string, body?: unknown): Promise<T> {
  try {
    return await client.request<T>(method, path, body === undefined ? {} : { body });
  } catch (err) {
    if (isApiError(err) && err.code === 404 && !err.status.details?.name) {
      throw new CliError(`the server at ${client.config.server} has no mk node API (${BASE}): "mk node" manages clusters started with "mk up"`);
    }
    throw err;
  }
}

/** The daemon's node API. */
export const nodeApi = {
  list: async (client: ApiClient): Promise<NodeAgentInfo[]> => (await call<{ items?: NodeAgentInfo[] }>(client, 'GET', BASE)).items ?? [],
  add: (client: ApiClient, body: AddNodeBody): Promise<NodeAgentInfo> => call(client, 'POST', BASE, body),
  remove: (client: ApiClient, name: string): Promise<NodeAgentInfo> => call(client, 'DELETE', at(name)),
  stop: (client: ApiClient, name: string): Promise<PowerChange> => call(client, 'POST', `${at(name)}/stop`),
  start: (client: ApiClient, name: string): Promise<PowerChange> => call(client, 'POST', `${at(name)}/start`),
};
