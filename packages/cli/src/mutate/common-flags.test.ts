import { describe, expect, it } from 'vitest';
import { rejectAllWithSelectors } from './common-flags';

describe('rejectAllWithSelectors', () => {
  it('lets --all, -l and --field-selector stand alone', () => {
    expect(() => rejectAllWithSelectors({ all: true })).not.toThrow();
    expect(() => rejectAllWithSelectors({ selector: 'a=b', fieldSelector: 'metadata.name=x' })).not.toThrow();
  });

  it('rejects --all with a selector, naming -l first as kubectl does', () => {
    expect(() => rejectAllWithSelectors({ all: true, selector: 'a=b', fieldSelector: 'f=x' })).toThrow('cannot set --all and --selector at the same time');
    expect(() => rejectAllWithSelectors({ all: true, fieldSelector: 'f=x' })).toThrow('cannot set --all and --field-selector at the same time');
  });
});
