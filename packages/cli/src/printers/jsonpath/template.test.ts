import { describe, it, expect } from 'vitest';
import { JsonPathTemplate } from './template';

const nodes = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

const store = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Labels: { engineer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

function run(template: string, data: unknown, allowMissingKeys = true): string {
  return new JsonPathTemplate(template, { allowMissingKeys }).execute(data);
}

describe('JsonPathTemplate (client-go jsonpath_test.go cases)', () => {
  it.each([
    ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List'],
    ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', '127.0.0.1\t127.0.0.2\t'],
    ['range addresses', '{.items[*].status.addresses[*].address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['item name', '{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ['union', "{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['range capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['filter', '{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['escaped dots', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['filter escaped', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', 'None'],
    ['bool filter', '{.items[?(@..ready==true)].metadata.name}', '127.0.0.1'],
    ['recursive', '{..name}', '127.0.0.1 127.0.0.2 myself e2e'],
    ['last index', '{.items[-1].metadata.name}', '127.0.0.2'],
  ])('%s', (_name, template, want) => {
    expect(run(template, nodes)).toBe(want);
  });

  it.each([
    ['plain text', 'hello jsonpath', 'hello jsonpath'],
    ['variable', 'hello {.Name}', 'hello jsonpath'],
    ['dict slash', '{$.Labels.web/html}', '15'],
    ['dict dash', '{.Labels.k8s-app}', '20'],
    ['nest', '{.Bicycle[*].Color}', 'red green'],
    ['all fields in range', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', '{red 19.95 true} {green 20.01 false} '],
    ['recursive fields', '{..Price}', '8.95 12.99 8.99 19.95 20.01'],
    ['last slice', '{.Book[-1:]}', '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['bool literal', '{.Bicycle[?(@.IsNew==true)].Color}', 'red'],
    ['float compare', '{.Book[?(@.Price<10.0)].Title}', 'Sayings of the Centurey Moby Dick'],
    ['missing field', 'before-{.hello}after', 'before-after'],
    ['quoted brace', '{"{"}', '{'],
  ])('%s', (_name, template, want) => {
    expect(run(template, store)).toBe(want);
  });

  it('handles top-level arrays, unions, exists filters and nulls', () => {
    expect(run('{[1,3,4]}', [0, 1, 2, 3, 4])).toBe('1 3 4');
    expect(run('{[?(@<5)]}', [2, 6, 3, 7])).toBe('2 3');
    const points = [
      { id: 'i1', x: 4 },
      { id: 'i2', x: -2, z: 1 },
      { id: 'i7', x: null },
    ];
    expect(run('{[?(@.z)].id}', points)).toBe('i2');
    expect(run("{[0]['id']}", points)).toBe('i1');
    expect(run("{[-1]['x']}", points)).toBe('null');
    expect(run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] })).toBe('');
  });

  it('reports client-go errors', () => {
    expect(() => run('{hello}', store)).toThrow('unrecognized identifier hello');
    expect(() => run('{.hello}', store, false)).toThrow('hello is not found');
    expect(() => run('{.Labels[0]}', store)).toThrow('map[string]interface {} is not array or slice');
    expect(() => run('{.Book[?(@.Price<>10)]}', store)).toThrow('unrecognized filter operator <>');
    expect(() => run('{range .Labels.*}{@}{end}{end}', store)).toThrow('not in range, nothing to end');
    expect(() => run('{.Book[5]}', store)).toThrow('array index out of bounds: index 5, length 3');
    expect(() => run('{.Book[?(@.Price>1)]}', store)).toThrow('incompatible types for comparison');
  });

  it('reports parse errors', () => {
    expect(() => run('{.metadata.name', store)).toThrow('unclosed action');
    expect(() => run('{.items[0}', store)).toThrow('unterminated array');
    expect(() => run('{#}', store)).toThrow("unrecognized character in action: U+0023 '#'");
    expect(() => run('{....Price}', store)).toThrow('invalid multiple recursive descent');
  });

  it('renders jsonpath-as-json as an indented array per action', () => {
    const t = new JsonPathTemplate('{.items[*].metadata.name}', { allowMissingKeys: true, outputJson: true });
    expect(t.execute(nodes)).toBe('[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n');
  });
});
