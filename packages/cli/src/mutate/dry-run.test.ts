import { describe, expect, it } from 'vitest';
import { deleteOptionsBody, parseCascade } from './delete-options';
import { DRY_RUN_BARE, dryRunQuery, parseDryRun, withDryRunSuffix } from './dry-run';

describe('--dry-run', () => {
  it('accepts kubectl\'s values and warns about the deprecated forms', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(parseDryRun(undefined, warn)).toBe('none');
    expect(parseDryRun('server', warn)).toBe('server');
    expect(parseDryRun(DRY_RUN_BARE, warn)).toBe('client');
    expect(parseDryRun('true', warn)).toBe('client');
    expect(parseDryRun('false', warn)).toBe('none');
    expect(warnings).toEqual([
      '--dry-run is deprecated and can be replaced with --dry-run=client.',
      '--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.',
      '--dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.',
    ]);
    expect(() => parseDryRun('maybe', warn)).toThrow('Invalid dry-run value (maybe). Must be "none", "server", or "client".');
  });

  it('suffixes operations and sets dryRun=All for the server', () => {
    expect(withDryRunSuffix('created', 'client')).toBe('created (dry run)');
    expect(withDryRunSuffix('configured', 'server')).toBe('configured (server dry run)');
    expect(withDryRunSuffix('deleted', 'none')).toBe('deleted');
    expect(dryRunQuery('server')).toEqual({ dryRun: 'All' });
    expect(dryRunQuery('client')).toEqual({});
  });
});

describe('DeleteOptions', () => {
  it('is what kubectl sends, in Go field order', () => {
    expect(JSON.stringify(deleteOptionsBody({ cascade: 'Background', gracePeriod: -1, dryRun: 'none' }))).toBe('{"propagationPolicy":"Background"}');
    expect(JSON.stringify(deleteOptionsBody({ cascade: 'Foreground', gracePeriod: 0, dryRun: 'server' }))).toBe(
      '{"gracePeriodSeconds":0,"propagationPolicy":"Foreground","dryRun":["All"]}',
    );
  });

  it('reads --cascade like kubectl', () => {
    const warnings: string[] = [];
    expect(parseCascade(undefined, (m) => warnings.push(m))).toBe('Background');
    expect(parseCascade('orphan', (m) => warnings.push(m))).toBe('Orphan');
    expect(parseCascade('false', (m) => warnings.push(m))).toBe('Orphan');
    expect(warnings).toEqual(['warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.']);
    expect(() => parseCascade('sideways', () => undefined)).toThrow('invalid cascade value (sideways). Must be "background", "foreground", or "orphan"');
  });
});
