import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { boolFlag, collectList, effectiveOpts, examples, subcommand } from './kubectl-command';

function parse(args: string[]) {
  const program = new Command('mk').exitOverride();
  const cmd = subcommand(program, 'x').argument('[rest...]');
  boolFlag(cmd, '--wait', 'wait');
  cmd.option('-f, --filename <f>', 'files', collectList);
  let seen: { opts: Record<string, unknown>; rest: string[]; afterDash: number } | undefined;
  cmd.action((rest: string[], opts: Record<string, unknown>) => {
    seen = { opts, rest, afterDash: cmd.argsAfterDash };
  });
  program.parse(['x', ...args], { from: 'user' });
  return seen!;
}

describe('KubectlCommand', () => {
  it('accepts --flag=true|false for boolean flags, as pflag does', () => {
    expect(parse(['--wait=false']).opts.wait).toBe(false);
    expect(parse(['--wait=true']).opts.wait).toBe(true);
    expect(parse(['--wait']).opts.wait).toBe(true);
    expect(parse([]).opts.wait).toBeUndefined();
  });

  it('collects repeated and comma-separated list flags', () => {
    expect(parse(['-f', 'a.yaml,b.yaml', '-f', 'c.yaml']).opts.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('counts the arguments after --, leaving them untouched', () => {
    expect(parse(['name', '--', 'sh', '--wait=false'])).toMatchObject({ rest: ['name', 'sh', '--wait=false'], afterDash: 2 });
    expect(parse(['name']).afterDash).toBe(-1);
  });

  it('lets a flag parsed by a parent command reach a subcommand that declares it', () => {
    const program = new Command('mk').exitOverride();
    const parent = subcommand(program, 'create');
    parent.option('-o, --output <o>');
    const child = subcommand(parent, 'ns').argument('[n...]');
    child.option('-o, --output <o>', 'out', 'default');
    let out: unknown;
    child.action(() => {
      out = effectiveOpts<{ output: string }>(child).output;
    });
    program.parse(['create', 'ns', 'x', '-o', 'yaml'], { from: 'user' });
    expect(out).toBe('yaml');
  });

  it('formats examples with two spaces of indentation', () => {
    expect(examples('\n    # a\n    mk x\n')).toBe('\nExamples:\n  # a\n  mk x\n');
  });
});
