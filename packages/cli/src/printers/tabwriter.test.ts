import { describe, it, expect } from 'vitest';
import { StringSink, TabWriter, type TabWriterOptions } from './tabwriter';

function format(opts: TabWriterOptions, src: string): string {
  const sink = new StringSink();
  const w = new TabWriter(sink, opts);
  w.write(src);
  w.flush();
  return sink.text;
}

/** Cases from Go's text/tabwriter tests (minwidth, tabwidth, padding, padchar, src, expected). */
const goCases: [string, number, number, number, string, string, string][] = [
  ['1a', 8, 0, 1, '.', '', ''],
  ['2', 8, 0, 1, '.', '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', '\t', ''],
  ['5', 8, 0, 1, '.', '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', '*\t*\t', '*.......*'],
  ['6', 8, 0, 1, '.', '\t\n', '........\n'],
  ['7b', 8, 0, 1, ' ', 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 'c) foo\tbar\t', 'c) foo..bar'],
  ['7e', 8, 0, 1, '.', 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['9a', 1, 0, 0, '.', '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['10b', 5, 0, 0, '.', '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  ['11', 8, 0, 1, '.', '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n', '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n'],
  ['12b', 2, 0, 0, ' ', 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  [
    '13a',
    4,
    0,
    1,
    '-',
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  ],
  ['15a', 4, 0, 0, '.', 'a\t\tb', 'a.......b'],
];

describe('TabWriter (Go text/tabwriter semantics)', () => {
  it.each(goCases)('case %s', (_name, minWidth, tabWidth, padding, padChar, src, expected) => {
    expect(format({ minWidth, tabWidth, padding, padChar }, src)).toBe(expected);
  });

  it('gives the same result when the input arrives in pieces', () => {
    const src = '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n';
    const sink = new StringSink();
    const w = new TabWriter(sink, { minWidth: 4, tabWidth: 0, padding: 3, padChar: '.' });
    for (let i = 0; i < src.length; i += 3) w.write(src.slice(i, i + 3));
    w.flush();
    expect(sink.text).toBe(
      '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
    );
  });
});

describe('TabWriter RememberWidths (liggitt/tabwriter TestMultiWrite)', () => {
  it('keeps column widths across flushes and can forget them', () => {
    const sink = new StringSink();
    const w = new TabWriter(sink, { minWidth: 6, tabWidth: 4, padding: 3, rememberWidths: true });
    w.write('First\tMiddle\tLast\n');
    w.write('a\tbb\tccc\n');
    w.write('ddd\teeeeeeeeeeeeee\tf\n');
    w.flush();
    w.write('g\th\ti\n');
    w.flush();
    w.write('j\t\t\n');
    w.flush();
    w.write('\tk\t\n');
    w.flush();
    w.write('\t\tl\n');
    w.flush();
    w.write('mmmmmmmmmmmmmmm\tnnn\tooo\n');
    w.flush();
    w.write('p\tq\tr\n');
    w.flush();
    expect(sink.text).toBe(
      [
        'First   Middle           Last\n',
        'a       bb               ccc\n',
        'ddd     eeeeeeeeeeeeee   f\n',
        'g       h                i\n',
        'j                        \n',
        '        k                \n',
        '                         l\n',
        'mmmmmmmmmmmmmmm   nnn              ooo\n',
        'p                 q                r\n',
      ].join(''),
    );
    w.resetRememberedWidths();
    const before = sink.text.length;
    w.write('sssss\tt\tu\n');
    w.flush();
    expect(sink.text.slice(before)).toBe('sssss   t     u\n');
  });
});
