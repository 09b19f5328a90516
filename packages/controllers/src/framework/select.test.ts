import { describe, expect, it } from 'vitest';
import { isControllerEnabled, selectControllers } from './select';
import type { ControllerDefinition } from './types';

const def = (name: string, enabledByDefault?: boolean): ControllerDefinition => ({ name, enabledByDefault, create: () => [] });
const all = [def('a'), def('b'), def('c', false)];

describe('--controllers selection', () => {
  it('* enables the controllers that are on by default', () => {
    expect(selectControllers(all).map((d) => d.name)).toEqual(['a', 'b']);
  });

  it('names enable, -names disable, the first mention wins', () => {
    expect(selectControllers(all, ['*', '-a', 'c']).map((d) => d.name)).toEqual(['b', 'c']);
    expect(selectControllers(all, ['b']).map((d) => d.name)).toEqual(['b']);
    expect(isControllerEnabled(def('a'), ['a', '-a'])).toBe(true);
  });

  it('rejects unknown names with upstream message', () => {
    expect(() => selectControllers(all, ['*', '-nope'])).toThrow('"nope" is not in the list of known controllers');
  });
});
