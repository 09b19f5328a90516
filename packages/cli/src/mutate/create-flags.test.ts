import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addCreateFlags, createPlan } from './create-flags';

describe('addCreateFlags', () => {
  it('declares the shared create flags with kubectl-create as the field manager', () => {
    const cmd = new Command('create');
    addCreateFlags(cmd);
    expect(cmd.options.map((o) => o.long)).toEqual(['--save-config', '--no-save-config', '--validate', '--dry-run', '--output', '--field-manager']);
    cmd.parse([], { from: 'user' });
    expect(cmd.opts()).toMatchObject({ validate: 'strict', dryRun: 'none', fieldManager: 'kubectl-create' });
  });
});

describe('createPlan', () => {
  it('maps --validate to fieldValidation and defaults --save-config off', () => {
    expect(createPlan({ fieldManager: 'm', validate: 'warn' }, 'server')).toEqual({ dryRun: 'server', fieldManager: 'm', fieldValidation: 'Warn', saveConfig: false });
    expect(createPlan({ fieldManager: 'm', validate: false, saveConfig: true }, 'none')).toEqual({ dryRun: 'none', fieldManager: 'm', fieldValidation: 'Ignore', saveConfig: true });
  });

  it('rejects an unknown --validate value', () => {
    expect(() => createPlan({ fieldManager: 'm', validate: 'loose' }, 'none')).toThrow('invalid - validate option "loose"; must be one of: strict (or true), warn, ignore (or false)');
  });
});
