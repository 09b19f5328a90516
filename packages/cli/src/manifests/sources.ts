/**
 * Expands `-f` arguments into the files to read, as kubectl's builder does: `-` is standard input
 * (source name `STDIN`), a missing path is tried as a glob, a directory contributes its .json/.yaml/.yml
 * files (descending only with -R), and an explicitly named file is read whatever its extension.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../context';

/** kubectl's FileExtensions: what a directory walk picks up. */
export const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** The `-f`/`-R` flags. */
export interface FilenameOptions {
  filenames: string[];
  recursive: boolean;
}

/** One file to decode: its name for messages and a reader. */
export interface ManifestFile {
  source: string;
  read(): Promise<string>;
}

/** Resolves `-f` arguments into files; path problems are fatal (kubectl reports them before visiting anything). */
export async function expandFilenames(opts: FilenameOptions, readStdin: () => Promise<string>): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  const errors: string[] = [];
  let stdinUsed = false;
  for (const name of opts.filenames) {
    if (name === '-') {
      if (stdinUsed) throw new CliError('standard input cannot be used for multiple arguments');
      stdinUsed = true;
      files.push({ source: 'STDIN', read: readStdin });
      continue;
    }
    if (/^https?:\/\//.test(name)) {
      errors.push(`mk does not read manifests from URLs (${JSON.stringify(name)}); download the file and pass its path`);
      continue;
    }
    const matches = await expandPattern(name);
    if (typeof matches === 'string') {
      errors.push(matches);
      continue;
    }
    for (const match of matches) files.push(...(await walk(match, opts.recursive)));
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
  if (files.length === 0) {
    throw new CliError(`error reading [${opts.filenames.join(' ')}]: recognized file extensions are [${MANIFEST_EXTENSIONS.join(' ')}]`);
  }
  return files;
}

/** An existing path as is; otherwise the glob's sorted matches, or kubectl's "does not exist" message. */
async function expandPattern(pattern: string): Promise<string[] | string> {
  if (await exists(pattern)) return [pattern];
  const matches = /[*?[]/.test(pattern) ? await glob(pattern) : [];
  return matches.length > 0 ? matches : `the path ${JSON.stringify(pattern)} does not exist`;
}

async function walk(root: string, recursive: boolean): Promise<ManifestFile[]> {
  const info = await stat(root);
  if (!info.isDirectory()) return [fileReader(root)];
  const out: ManifestFile[] = [];
  const visit = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (recursive) await visit(full);
      } else if (MANIFEST_EXTENSIONS.includes(path.extname(entry.name))) {
        out.push(fileReader(full));
      }
    }
  };
  await visit(root);
  return out;
}

function fileReader(file: string): ManifestFile {
  return { source: file, read: () => readFile(file, 'utf8') };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** filepath.Glob: wildcards (*, ?, [...]) within path segments, never crossing a separator. */
async function glob(pattern: string): Promise<string[]> {
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((s) => s !== '');
  let candidates = [absolute ? path.parse(path.resolve(pattern)).root : ''];
  for (const segment of segments) {
    const next: string[] = [];
    for (const base of candidates) {
      if (!/[*?[]/.test(segment)) {
        const p = base === '' ? segment : path.join(base, segment);
        if (await exists(p)) next.push(p);
        continue;
      }
      const re = segmentRegExp(segment);
      let names: string[] = [];
      try {
        names = await readdir(base === '' ? '.' : base);
      } catch {
        continue;
      }
      for (const n of names.sort()) if (re.test(n)) next.push(base === '' ? n : path.join(base, n));
    }
    candidates = next;
  }
  return candidates;
}

function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      const body = segment.slice(i + 1, end).replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
