/**
 * What shell completion knows about `mk`, read from the commander program itself so that every
 * registered command, alias and flag is covered without a second list to keep in sync.
 */
import type { Command } from 'commander';

/** One flag: its spellings and whether it takes a value. */
export interface FlagSpec {
  long?: string;
  short?: string;
  takesValue: boolean;
}

/** One command: its path below the program (`create secret`), names, flags and children. */
export interface CommandSpec {
  path: string;
  names: string[];
  flags: FlagSpec[];
  subcommands: CommandSpec[];
  /** The first argument is a resource type (usage mentions TYPE or RESOURCE). */
  takesTypes: boolean;
}

/** Builds the spec of `cmd` and its visible subcommands; `path` is '' for the program. */
export function commandSpec(cmd: Command, path = ''): CommandSpec {
  const hidden = (o: { hidden?: boolean }): boolean => o.hidden === true;
  const flags: FlagSpec[] = cmd.options
    .filter((o) => !hidden(o as { hidden?: boolean }))
    .map((o) => ({ long: o.long, short: o.short, takesValue: o.required || o.optional }));
  const subcommands = cmd.commands
    .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden)
    .map((c) => commandSpec(c, path ? `${path} ${c.name()}` : c.name()));
  return {
    path,
    names: [cmd.name(), ...cmd.aliases()],
    flags,
    subcommands,
    takesTypes: /\b(TYPE|RESOURCE)\b/.test(cmd.usage()),
  };
}

/** Every command of the tree, the program first. */
export function flattenSpec(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.subcommands.flatMap(flattenSpec)];
}
