/** The CliContext implementation: process I/O, and a cluster client resolved lazily from the global flags. */
import { join } from 'node:path';
import {
  EMPTY_CONFIG_MESSAGE,
  createClient,
  isKubeconfigError,
  loadKubeconfig,
  mkHome,
  parseRequestTimeout,
  type ApiClient,
  type ClientConfig,
} from '@mk/client';
import { CliError, type CliContext, type CliIO } from './context';

/** processIO is CliIO over the real stdin/stdout/stderr. */
export function processIO(): CliIO {
  // A closed pipe (`mk get pods | head -1`) ends mk quietly, as it does kubectl.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: !!process.stdout.isTTY,
  };
}

/** kubectl's global flags, as commander names them. */
export interface GlobalFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  server?: string;
  token?: string;
  requestTimeout?: string;
  cacheDir?: string;
}

/**
 * The --cache-dir in effect: the flag, else $MK_HOME/cache — kubectl's $HOME/.kube/cache would
 * let clusters of different (e.g. temporary) MK_HOMEs on the same port share a discovery cache.
 */
function cacheDir(flags: GlobalFlags, env: Record<string, string | undefined>): string {
  return flags.cacheDir || join(mkHome(env), 'cache');
}

/** What the context is built from. */
export interface CliContextDeps {
  io: CliIO;
  env: Record<string, string | undefined>;
  /** Reads the parsed global flags (called lazily: they are known only once commander has parsed). */
  globals: () => GlobalFlags;
  now?: () => Date;
  /** Builds the client (tests inject a fake). */
  createClient?: (config: ClientConfig) => ApiClient;
}

/** createCliContext returns the context every command receives; nothing is loaded until a command asks. */
export function createCliContext(deps: CliContextDeps): CliContext {
  let config: ClientConfig | undefined;
  let client: ApiClient | undefined;
  const make = deps.createClient ?? createClient;

  const clientConfig = (): ClientConfig => {
    config ??= resolveConfig(deps.globals(), deps.env);
    return config;
  };

  return {
    io: deps.io,
    async client() {
      client ??= make(clientConfig());
      return client;
    },
    async namespace() {
      const flags = deps.globals();
      if (flags.namespace) return flags.namespace;
      try {
        return clientConfig().namespace;
      } catch (err) {
        // Like kubectl, an absent kubeconfig still leaves a namespace: "default".
        if (err instanceof NoConfigError) return 'default';
        throw err;
      }
    },
    namespaceExplicit() {
      return !!deps.globals().namespace;
    },
    now: deps.now ?? (() => new Date()),
  };
}

function resolveConfig(flags: GlobalFlags, env: Record<string, string | undefined>): ClientConfig {
  let requestTimeoutMs: number | undefined;
  if (flags.requestTimeout !== undefined) {
    try {
      requestTimeoutMs = parseRequestTimeout(flags.requestTimeout);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  }
  try {
    const config = loadKubeconfig({
      kubeconfig: flags.kubeconfig,
      context: flags.context,
      server: flags.server,
      token: flags.token,
      namespace: flags.namespace,
      requestTimeoutMs,
      env,
    });
    // As kubectl does, commands read discovery from disk and fetch it only when it is missing or old.
    return { ...config, discoveryCacheDir: join(cacheDir(flags, env), 'discovery') };
  } catch (err) {
    if (isKubeconfigError(err) && err.message === EMPTY_CONFIG_MESSAGE) {
      // kubectl would silently try http://localhost:8080; mk says what to do instead.
      throw new NoConfigError();
    }
    throw err;
  }
}

/** kubectl's "no configuration" message, with a hint on how to get a cluster. */
class NoConfigError extends CliError {
  constructor() {
    super(`${EMPTY_CONFIG_MESSAGE}\nTo start a local cluster run "mk up", or point mk at one with --kubeconfig, $KUBECONFIG or --server.`);
  }
}
