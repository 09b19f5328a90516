/** Each file in commands/ exports one `register` of this shape; commands/index.ts lists them. */
import type { Command } from 'commander';
import type { CliContext } from './context';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;
