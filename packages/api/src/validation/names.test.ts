import { describe, expect, it } from 'vitest';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPortName,
  nameIsDNSSubdomain,
} from './names';
import { isIP } from './ip';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QNAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('DNS names', () => {
  it.each([
    ['web-1', []],
    ['Foo', [SUBDOMAIN_MSG]],
    ['a.b.c', []],
    ['-a', [SUBDOMAIN_MSG]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ])('subdomain %j', (name, want) => {
    expect(isDNS1123Subdomain(name)).toEqual(want);
  });

  it.each([
    ['web', []],
    ['a.b', ['must not contain dots']],
    ['Web', [LABEL_MSG]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('label %j', (name, want) => {
    expect(isDNS1123Label(name)).toEqual(want);
  });

  it('DNS-1035 labels must start with a letter', () => {
    expect(isDNS1035Label('1web')).toEqual([DNS1035_MSG]);
    expect(isDNS1035Label('web1')).toEqual([]);
  });

  it('a generateName may end in a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
  });
});

describe('qualified names and label values', () => {
  it.each([
    ['app', []],
    ['example.com/app', []],
    ['/app', ['prefix part must be non-empty']],
    ['a/b/c', [expect.stringContaining("a qualified name must consist of alphanumeric characters")]],
    ['-app', [QNAME_PART]],
    ['', ['name part must be non-empty', QNAME_PART]],
  ])('%j', (key, want) => {
    expect(isQualifiedName(key)).toEqual(want);
  });

  it('label values may be empty but not end in a dash', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('v1-')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});

describe('other formats', () => {
  it('config keys', () => {
    expect(isConfigMapKey('app.conf')).toEqual([]);
    expect(isConfigMapKey('ok.key-1_x')).toEqual([]);
    expect(isConfigMapKey('..x')).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey('a b')).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
  it('port names', () => {
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('80')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
  });
  it('path segments', () => {
    expect(isValidPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isValidPathSegmentName('a/b%')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
  it.each([
    ['10.0.0.1', true],
    ['256.0.0.1', false],
    ['::1', true],
    ['fd00::1:2', true],
    ['::ffff:10.0.0.1', true],
    ['1:2:3:4:5:6:7:8:9', false],
    ['abc', false],
  ])('IP %j', (ip, ok) => {
    expect(isIP(ip)).toBe(ok);
  });
});
