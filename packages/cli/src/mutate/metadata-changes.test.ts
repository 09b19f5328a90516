import { describe, expect, it } from 'vitest';
import { applyAnnotationChanges, applyLabelChanges, parseAnnotationChanges, parseLabelChanges, splitResourcesAndPairs } from './metadata-changes';

describe('label and annotate arguments', () => {
  it('splits resources from KEY=VALUE and KEY- pairs as cmdutil.GetResourcesAndPairs', () => {
    expect(splitResourcesAndPairs(['pods', 'web', 'a=b', 'c-'], 'label')).toEqual({ resources: ['pods', 'web'], pairs: ['a=b', 'c-'] });
    expect(splitResourcesAndPairs(['pods', '=x', '-'], 'label')).toEqual({ resources: ['pods', '=x', '-'], pairs: [] });
  });

  it('parses label specs, validating values', () => {
    expect(parseLabelChanges(['app=web', 'tier-', 'empty='])).toEqual({ set: { app: 'web', empty: '' }, remove: ['tier'] });
    expect(() => parseLabelChanges(['app'])).toThrow('unknown label spec: app');
    expect(() => parseLabelChanges([`a=${'x'.repeat(64)}`])).toThrow(/invalid label value: "a=x+": must be no more than 63 characters/);
  });

  it('parses annotation specs, keeping = inside values and listing every malformed one', () => {
    expect(parseAnnotationChanges(['q=a=b', 'old-'])).toEqual({ set: { q: 'a=b' }, remove: ['old'] });
    expect(() => parseAnnotationChanges(['bad', '=x'])).toThrow('invalid annotation format: bad, =x');
  });

  it('applies changes and reports every conflicting label', () => {
    expect(applyLabelChanges({ a: '1', b: '2' }, { set: { a: '1', c: '3' }, remove: ['b'] }, false)).toEqual({ a: '1', c: '3' });
    expect(() => applyLabelChanges({ a: '1', b: '2' }, { set: { a: 'x', b: 'y' }, remove: [] }, false)).toThrow(
      "['a' already has a value (1), and --overwrite is false, 'b' already has a value (2), and --overwrite is false]",
    );
    expect(applyAnnotationChanges({ a: '1' }, { set: { a: '2' }, remove: [] }, true)).toEqual({ a: '2' });
    expect(() => applyAnnotationChanges({ a: '1', b: '2' }, { set: { a: 'x', b: 'y' }, remove: [] }, false)).toThrow(
      "--overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (2)",
    );
  });
});
