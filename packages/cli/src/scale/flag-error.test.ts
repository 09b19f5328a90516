import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../context';
import { commandPath, FlagValueError, parseFlags } from './flag-error';

function io(): CliIO & { text: string } {
  const sink = { text: '', out: () => undefined, err: (t: string) => void (sink.text += t), readStdin: async () => '', isTTY: false };
  return sink;
}

describe('parseFlags', () => {
  const program = new Command('mk');
  const image = program.command('set').command('image');

  it('names the whole command path', () => {
    expect(commandPath(image)).toBe('mk set image');
  });

  it('returns what parsing returns', () => {
    expect(parseFlags(io(), image, () => 3)).toBe(3);
  });

  it("prints a bad value as cobra does and exits 1 without another message", () => {
    const sink = io();
    let thrown: unknown;
    try {
      parseFlags(sink, image, () => {
        throw new FlagValueError('invalid argument "x" for "--max" flag: strconv.ParseInt: parsing "x": invalid syntax');
      });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ message: '', exitCode: 1 });
    expect(sink.text).toBe('Error: invalid argument "x" for "--max" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'mk set image --help\' for usage.\n');
  });

  it('lets other errors through', () => {
    expect(() => parseFlags(io(), image, () => {
      throw new Error('boom');
    })).toThrow('boom');
  });
});
