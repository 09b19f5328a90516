/**
 * The `--from-literal`, `--from-file` and `--from-env-file` sources of `create configmap` and
 * `create secret generic` (kubectl pkg/cmd/create/create_configmap.go, create_secret.go,
 * pkg/cmd/util/env_file.go), with kubectl's key rules and messages for each kind.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isConfigMapKey } from '@mk/api';
import { CliError } from '../../context';

/** Collected keys: UTF-8 text in `data`, other bytes in `binary` (ConfigMap binaryData). */
export interface CollectedData {
  data: Record<string, string>;
  binary: Record<string, Buffer>;
}

/** The three source flags. */
export interface DataSources {
  fromLiteral: string[];
  fromFile: string[];
  fromEnvFile: string[];
}

/** Which object the keys are for: messages and source order differ. */
export type DataTarget = { kind: 'ConfigMap'; name: string } | { kind: 'Secret' };

const ENV_NAME_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Reads all sources in kubectl's order for the kind (ConfigMap: files, literals, env files; Secret: literals, files, env files). */
export async function collectData(sources: DataSources, target: DataTarget, env: Record<string, string | undefined>): Promise<CollectedData> {
  const out: CollectedData = { data: {}, binary: {} };
  const add = (key: string, value: Buffer): void => addKey(out, target, key, value);
  const literals = (): void => {
    for (const source of sources.fromLiteral) {
      const at = source.indexOf('=');
      if (at <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
      add(source.slice(0, at), Buffer.from(source.slice(at + 1), 'utf8'));
    }
  };
  if (target.kind === 'Secret') literals();
  for (const source of sources.fromFile) await addFileSource(source, add);
  if (target.kind === 'ConfigMap') literals();
  for (const file of sources.fromEnvFile) await addEnvFile(file, target, env, add);
  return out;
}

function addKey(out: CollectedData, target: DataTarget, key: string, value: Buffer): void {
  const errs = isConfigMapKey(key);
  if (target.kind === 'ConfigMap') {
    if (errs.length > 0) throw new CliError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in out.data) throw new CliError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(target.name)}`);
    if (key in out.binary) throw new CliError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(target.name)}`);
    if (isUtf8(value)) out.data[key] = value.toString('utf8');
    else out.binary[key] = value;
    return;
  }
  if (errs.length > 0) throw new CliError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (key in out.binary) throw new CliError(`cannot add key ${key}, another key by that name already exists`);
  out.binary[key] = value;
}

/** kubectl's ParseFileSource: `path`, or `key=path`. */
export function parseFileSource(source: string): { key: string; file: string } {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { key: path.posix.basename(source.replace(/\\/g, '/')), file: source };
  if (separators === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw new CliError("key names or file paths cannot contain '='");
  const [key, file] = source.split('=') as [string, string];
  return { key, file };
}

async function addFileSource(source: string, add: (key: string, value: Buffer) => void): Promise<void> {
  const { key, file } = parseFileSource(source);
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`error reading ${file}: ${osMessage(err)}`);
  });
  if (!info.isDirectory()) {
    add(key, await readFile(file));
    return;
  }
  if (source.includes('=')) throw new CliError('cannot give a key name for a directory path');
  const entries = await readdir(file, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.isFile()) add(entry.name, await readFile(path.join(file, entry.name)));
  }
}

async function addEnvFile(file: string, target: DataTarget, env: Record<string, string | undefined>, add: (key: string, value: Buffer) => void): Promise<void> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`error reading ${file}: ${osMessage(err)}`);
  });
  if (info.isDirectory()) throw new CliError(target.kind === 'ConfigMap' ? 'env config file cannot be a directory' : 'env secret file cannot be a directory');
  const lines = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    if (!ENV_NAME_RE.test(key)) {
      throw new CliError(
        `${JSON.stringify(key)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
      );
    }
    // A line without `=` takes its value from mk's environment, as kubectl does.
    add(key, Buffer.from(at < 0 ? (env[key] ?? '') : line.slice(at + 1), 'utf8'));
  }
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function osMessage(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message;
}
