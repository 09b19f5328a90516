import { describe, expect, it } from 'vitest';
import { Status, unschedulable } from '../framework/status';
import { SKIP, type AnyFilterPlugin } from '../framework/types';
import { cacheOf, makeNode, podInfo } from '../testing/builders';
import { runFilters, runPreFilters } from './cycle';

const pinning = (name: string, nodes: string[]): AnyFilterPlugin => ({ name, events: [], preFilter: () => ({ state: undefined, nodeNames: new Set(nodes) }), filter: () => null });

describe('runPreFilters', () => {
  const cache = cacheOf([makeNode('a'), makeNode('b')]);

  it('intersects the node sets plugins narrow to', () => {
    const out = runPreFilters(podInfo('p'), [pinning('A', ['a', 'b']), pinning('B', ['b'])], cache);
    expect(out.status).toBeUndefined();
    expect(out.nodeNames).toEqual(new Set(['b']));
    expect(out.pluginsWithNodes).toEqual(new Set(['A', 'B']));
  });

  it('rejects with upstream wording when the sets do not overlap', () => {
    const one = runPreFilters(podInfo('p'), [pinning('A', [])], cache);
    expect(one.status?.reasons).toEqual(["node(s) didn't satisfy plugin A"]);
    const two = runPreFilters(podInfo('p'), [pinning('B', ['a']), pinning('A', ['b'])], cache);
    expect(two.status?.code).toBe('UnschedulableAndUnresolvable');
    expect(two.status?.reasons).toEqual(["node(s) didn't satisfy plugin(s) [A B] simultaneously"]);
  });

  it('marks skipped plugins so their filters do not run', () => {
    let ran = false;
    const skipper: AnyFilterPlugin = { name: 'S', events: [], preFilter: () => SKIP, filter: () => ((ran = true), unschedulable('no')) };
    const out = runPreFilters(podInfo('p'), [skipper], cache);
    expect(runFilters(podInfo('p'), cache.get('a')!, [skipper], out.cycle)).toBeNull();
    expect(ran).toBe(false);
  });

  it('turns a non-rejecting PreFilter status into an error', () => {
    const broken: AnyFilterPlugin = { name: 'X', events: [], preFilter: () => new Status('Error', ['boom']), filter: () => null };
    const out = runPreFilters(podInfo('p'), [broken], cache);
    expect(out.status?.code).toBe('Error');
    expect(out.status?.reasons).toEqual(['running PreFilter plugin "X": boom']);
  });
});

describe('runFilters', () => {
  it('returns the first rejection, attributed to its plugin', () => {
    const cache = cacheOf([makeNode('a')]);
    const no = (name: string, reason: string): AnyFilterPlugin => ({ name, events: [], filter: () => unschedulable(reason) });
    const s = runFilters(podInfo('p'), cache.get('a')!, [no('First', 'one'), no('Second', 'two')], { states: [], skip: [false, false] });
    expect(s?.plugin).toBe('First');
    expect(s?.reasons).toEqual(['one']);
  });
});
