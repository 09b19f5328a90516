/**
 * Commander commands that read flags the way kubectl's pflag does where it matters to scripts:
 * boolean flags accept `--flag=true|false` (commander only knows `--flag` / `--no-flag`), and
 * list flags accept repeats and comma-separated values (`-f a.yaml,b.yaml -f c.yaml`).
 */
import { Command, Option } from 'commander';
import { parseGoBool } from './dry-run';

/** A Command whose boolean flags also accept `--flag=<bool>`. */
export class KubectlCommand extends Command {
  /** How many arguments followed `--` (-1 without `--`); cobra's ArgsLenAtDash is the operand count minus this. */
  argsAfterDash = -1;

  override createCommand(name?: string): KubectlCommand {
    return new KubectlCommand(name);
  }

  override parseOptions(argv: string[]): ReturnType<Command['parseOptions']> {
    // A parent may already have consumed `--` (commander drops it), so count on the full command line.
    let root: Command = this;
    while (root.parent) root = root.parent;
    const rawArgs = (root as unknown as { rawArgs?: string[] }).rawArgs;
    const raw = rawArgs?.length ? rawArgs : argv;
    const rawDash = raw.indexOf('--');
    this.argsAfterDash = rawDash < 0 ? -1 : raw.length - rawDash - 1;
    const dash = argv.indexOf('--');
    return super.parseOptions(argv.map((arg, i) => (dash >= 0 && i > dash ? arg : this.rewriteBoolean(arg))));
  }

  private rewriteBoolean(arg: string): string {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (!m) return arg;
    const [, name, value] = m as unknown as [string, string, string];
    const flag = this.options.find((o) => o.long === `--${name}` && !o.required && !o.optional && !o.negate);
    const bool = flag ? parseGoBool(value) : undefined;
    if (bool === undefined) return arg;
    return bool ? `--${name}` : `--no-${name}`;
  }
}

/**
 * The option values of `cmd`, letting a flag that an ancestor parsed win over the local default:
 * commander hands a flag to the first command on the path that declares it, so `create namespace x
 * --dry-run=client` sets `create`'s --dry-run, not the generator's.
 */
export function effectiveOpts<T>(cmd: Command): T {
  const result: Record<string, unknown> = { ...cmd.opts() };
  const local = new Set(cmd.options.map((o) => o.attributeName()));
  for (let c = cmd.parent; c; c = c.parent) {
    for (const [key, value] of Object.entries(c.opts())) {
      if (local.has(key) && cmd.getOptionValueSource(key) !== 'cli' && c.getOptionValueSource(key) === 'cli') result[key] = value;
    }
  }
  return result as T;
}

/** Creates a subcommand of `parent` that inherits its output and help settings. */
export function subcommand(parent: Command, name: string): KubectlCommand {
  const cmd = new KubectlCommand(name);
  cmd.copyInheritedSettings(parent);
  parent.addCommand(cmd);
  return cmd;
}

/** Adds a boolean flag that also takes `--flag=false` (through a hidden `--no-flag`). */
export function boolFlag(cmd: Command, flags: string, description: string): Command {
  const option = new Option(flags, description);
  cmd.addOption(option);
  cmd.addOption(new Option(`--no-${option.long!.slice(2)}`).hideHelp());
  return cmd;
}

/** Collects a repeatable, comma-separated flag (pflag's StringSlice). */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter((v) => v !== '')];
}

/** Collects a repeatable flag without splitting (pflag's StringArray). */
export function collectArray(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Formats kubectl-style examples for `addHelpText('after', …)`. */
export function examples(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return `\nExamples:\n${lines.map((l) => (l.trim() ? `  ${l.slice(indent)}` : '')).join('\n')}\n`;
}

/** The full command path, e.g. `mk set image`, as cobra's CommandPath. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
