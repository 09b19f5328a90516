import { describe, it, expect } from 'vitest';
import { parseLabelSelector, labelSelectorToString, matchesLabels } from './labelSelector';
import { SelectorError } from './errors';

const KEY_NAME_RULE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function errorOf(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('parseLabelSelector: accepted forms and canonical string', () => {
  it.each([
    ['', ''],
    ['app=web', 'app=web'],
    ['app==web', 'app==web'],
    ['app!=web', 'app!=web'],
    ['app', 'app'],
    ['!app', '!app'],
    ['env in (prod,dev)', 'env in (dev,prod)'],
    ['env notin (prod, dev, prod)', 'env notin (dev,prod)'],
    ['env in (prod)', 'env in (prod)'],
    ['  tier = db , app=web ', 'app=web,tier=db'],
    ['x>1,y<10', 'x>1,y<10'],
    ['a=', 'a='],
    ['a in ()', 'a in ()'],
    ['a in (,b)', 'a in (,b)'],
    ['example.com/role=worker', 'example.com/role=worker'],
    ['in=notin', 'in=notin'],
    ['a,b=c,!d', 'a,b=c,!d'],
  ])('%j → %j', (input, canonical) => {
    expect(labelSelectorToString(parseLabelSelector(input))).toBe(canonical);
  });

  it('keeps requirements sorted by key, stable for equal keys', () => {
    const sel = parseLabelSelector('b=1,a!=2,a');
    expect(sel.requirements.map((r) => `${r.key}${r.operator}`)).toEqual(['a!=', 'aexists', 'b=']);
  });
});

describe('parseLabelSelector: upstream error messages', () => {
  it.each([
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a=b,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['! =a', "unable to parse requirement: found '=', expected: identifier"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['x>a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
  ])('%j', (input, message) => {
    expect(errorOf(input)).toBe(message);
  });

  it('reports an invalid key against a nil path, as upstream prints it', () => {
    expect(errorOf('-a=b')).toBe(`unable to parse requirement: <nil>: Invalid value: "-a": ${KEY_NAME_RULE}`);
    expect(errorOf('/a')).toBe('unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty');
    expect(errorOf('Example.com/a')).toBe(
      'unable to parse requirement: <nil>: Invalid value: "Example.com/a": prefix part a lowercase RFC 1123 subdomain must consist of lower case ' +
        "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(errorOf(`${'k'.repeat(64)}`)).toBe(
      `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
    );
  });

  it('reports invalid values with their key path, aggregating several', () => {
    expect(errorOf('a=-b')).toBe(`unable to parse requirement: values[0][a]: Invalid value: "-b": ${VALUE_RULE}`);
    expect(errorOf('a in (-x,-y)')).toBe(
      `unable to parse requirement: [values[0][a]: Invalid value: "-x": ${VALUE_RULE}, values[1][a]: Invalid value: "-y": ${VALUE_RULE}]`,
    );
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'front', n: '5' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app in (web,db)', true],
    ['missing in (x)', false],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['n>4', true],
    ['n>5', false],
    ['n<6', true],
    ['app>1', false],
    ['missing=', false],
    ['app=web,tier=back', false],
  ])('%j → %s', (text, want) => {
    expect(matchesLabels(parseLabelSelector(text), labels)).toBe(want);
  });

  it('treats missing labels as an empty set', () => {
    expect(matchesLabels(parseLabelSelector('!a'), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('a'), null)).toBe(false);
  });
});
