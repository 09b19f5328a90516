import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandFilenames } from './sources';

let dir: string;
const noStdin = async () => '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mk-sources-'));
  writeFileSync(path.join(dir, 'b.yaml'), 'b');
  writeFileSync(path.join(dir, 'a.json'), 'a');
  writeFileSync(path.join(dir, 'notes.txt'), 'n');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'c.yml'), 'c');
});

const sources = async (filenames: string[], recursive = false) => (await expandFilenames({ filenames, recursive }, noStdin)).map((f) => path.relative(dir, f.source));

describe('expandFilenames', () => {
  it('reads a directory\'s manifest files in order, descending only with -R', async () => {
    expect(await sources([dir])).toEqual(['a.json', 'b.yaml']);
    expect(await sources([dir], true)).toEqual(['a.json', 'b.yaml', path.join('sub', 'c.yml')]);
  });

  it('reads an explicitly named file whatever its extension', async () => {
    expect(await sources([path.join(dir, 'notes.txt')])).toEqual(['notes.txt']);
  });

  it('expands glob patterns when the path does not exist', async () => {
    expect(await sources([path.join(dir, '*.yaml'), path.join(dir, 's?b', '*')])).toEqual(['b.yaml', path.join('sub', 'c.yml')]);
  });

  it('fails with kubectl\'s message for a missing path', async () => {
    const missing = path.join(dir, 'nope.yaml');
    await expect(expandFilenames({ filenames: [missing], recursive: false }, noStdin)).rejects.toThrow(`the path "${missing}" does not exist`);
  });

  it('names standard input STDIN and refuses it twice', async () => {
    const files = await expandFilenames({ filenames: ['-'], recursive: false }, async () => 'kind: Pod');
    expect(files[0]!.source).toBe('STDIN');
    expect(await files[0]!.read()).toBe('kind: Pod');
    await expect(expandFilenames({ filenames: ['-', '-'], recursive: false }, noStdin)).rejects.toThrow('standard input cannot be used for multiple arguments');
  });

  it('does not fetch URLs', async () => {
    await expect(expandFilenames({ filenames: ['https://example.com/x.yaml'], recursive: false }, noStdin)).rejects.toThrow(/does not read manifests from URLs/);
  });

  it('complains when a directory holds no manifests', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'mk-empty-'));
    await expect(expandFilenames({ filenames: [empty], recursive: false }, noStdin)).rejects.toThrow(
      `error reading [${empty}]: recognized file extensions are [.json .yaml .yml]`,
    );
  });
});
