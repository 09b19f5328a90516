import { describe, it, expect } from 'vitest';
import type { KObject } from '@mk/api';
import { KUBECTL_TABLE_OPTIONS, StringSink, TabWriter } from '../tabwriter';
import { WatchEventObject, type Table, type TableColumnDefinition } from '../printer';
import { TablePrinter, type TablePrintOptions } from './table';

const now = new Date('2024-01-01T00:00:00Z');

const podColumns: TableColumnDefinition[] = [
  { name: 'Name', type: 'string', format: 'name', priority: 0 },
  { name: 'Ready', type: 'string', format: '', priority: 0 },
  { name: 'Status', type: 'string', format: '', priority: 0 },
  { name: 'Restarts', type: 'integer', format: '', priority: 0 },
  { name: 'Age', type: 'string', format: '', priority: 0 },
  { name: 'IP', type: 'string', format: '', priority: 1 },
  { name: 'Node', type: 'string', format: '', priority: 1 },
  { name: 'Nominated Node', type: 'string', format: '', priority: 1 },
  { name: 'Readiness Gates', type: 'string', format: '', priority: 1 },
];

function podRow(name: string, labels?: Record<string, string>) {
  return {
    cells: [name, '0/0', '', 0, '<unknown>', '<none>', '<none>', '<none>', '<none>'],
    object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'test', ...(labels ? { labels } : {}) } },
  };
}

function podTable(...rows: ReturnType<typeof podRow>[]): Table {
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '10' }, columnDefinitions: podColumns, rows };
}

/** Prints each object through one printer and one kubectl tabwriter, flushing after each (like watch). */
function render(options: Partial<TablePrintOptions>, objs: (KObject | WatchEventObject)[], flushEach = false): string {
  const sink = new StringSink();
  const w = new TabWriter(sink, KUBECTL_TABLE_OPTIONS);
  const p = new TablePrinter({ now, ...options });
  for (const o of objs) {
    p.print(o, w);
    if (flushEach) w.flush();
  }
  w.flush();
  return sink.text;
}

describe('TablePrinter (kubectl get_test.go expectations)', () => {
  it('prints a server table', () => {
    expect(render({}, [podTable(podRow('foo'), podRow('bar'))])).toBe(
      'NAME   READY   STATUS   RESTARTS   AGE\nfoo    0/0              0          <unknown>\nbar    0/0              0          <unknown>\n',
    );
  });

  it('prefixes the kind and keeps empty trailing cells padded', () => {
    expect(render({ withKind: true, kind: 'pod' }, [podTable(podRow('foo'), podRow('bar'))])).toBe(
      'NAME      READY   STATUS   RESTARTS   AGE\npod/foo   0/0              0          <unknown>\npod/bar   0/0              0          <unknown>\n',
    );
    const cs: Table = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      columnDefinitions: ['Name', 'Status', 'Message', 'Error'].map((name, i) => ({ name, type: 'string', format: i === 0 ? 'name' : '' })),
      rows: [
        { cells: ['servergood', 'Healthy', 'ok', ''] },
        { cells: ['serverbad', 'Unhealthy', '', 'bad status: 500'] },
        { cells: ['serverunknown', 'Unhealthy', '', 'fizzbuzz error'] },
      ],
    };
    expect(render({}, [cs])).toBe(
      'NAME            STATUS      MESSAGE   ERROR\nservergood      Healthy     ok        \nserverbad       Unhealthy             bad status: 500\nserverunknown   Unhealthy             fizzbuzz error\n',
    );
  });

  it('adds LABELS and -L columns from row objects', () => {
    expect(render({ showLabels: true }, [podTable(podRow('foo'))])).toBe(
      'NAME   READY   STATUS   RESTARTS   AGE         LABELS\nfoo    0/0              0          <unknown>   <none>\n',
    );
    expect(render({ columnLabels: ['app.kubernetes.io/name', 'tier'], showLabels: true }, [podTable(podRow('web', { 'app.kubernetes.io/name': 'web', env: 'prod' }))])).toBe(
      'NAME   READY   STATUS   RESTARTS   AGE         NAME   TIER   LABELS\nweb    0/0              0          <unknown>   web           app.kubernetes.io/name=web,env=prod\n',
    );
  });

  it('prints watch events with EVENT and NAMESPACE columns, -o wide', () => {
    const events = ['ADDED', 'ADDED', 'MODIFIED', 'DELETED'].map((t, i) => new WatchEventObject(t, podTable(podRow(i === 0 ? 'bar' : 'foo'))));
    expect(render({ wide: true, withNamespace: true, withKind: true, kind: 'pod' }, events, true)).toBe(
      [
        'EVENT      NAMESPACE   NAME      READY   STATUS   RESTARTS   AGE         IP       NODE     NOMINATED NODE   READINESS GATES',
        'ADDED      test        pod/bar   0/0              0          <unknown>   <none>   <none>   <none>           <none>',
        'ADDED      test        pod/foo   0/0              0          <unknown>   <none>   <none>   <none>           <none>',
        'MODIFIED   test        pod/foo   0/0              0          <unknown>   <none>   <none>   <none>           <none>',
        'DELETED    test        pod/foo   0/0              0          <unknown>   <none>   <none>   <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('reuses remembered columns and widths for watch tables without column definitions', () => {
    const columns = [
      { name: 'Name', type: 'string', format: 'name', description: 'the name', priority: 0 },
      { name: 'Active', type: 'boolean', description: 'active', priority: 0 },
    ];
    const table = (rows: [string, boolean][], withColumns = true): Table => ({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1beta1',
      columnDefinitions: withColumns ? columns : [],
      rows: rows.map(([n, a]) => ({ cells: [n, a], object: { metadata: { name: n } } })),
    });
    const out = render({}, [table([['a', true], ['b', true]]), table([['a', false]]), table([['b', false]], false)], true);
    expect(out).toBe('NAME   ACTIVE\na      true\nb      true\na      false\nb      false\n');
  });

  it('falls back to NAME/AGE for plain objects and lists, and STATUS for Status', () => {
    const pods = { kind: 'PodList', apiVersion: 'v1', items: [{ metadata: { name: 'foo', creationTimestamp: '2023-12-31T23:59:00Z' } }, { metadata: { name: 'bar' } }] };
    expect(render({}, [pods])).toBe('NAME   AGE\nfoo    60s\nbar    <unknown>\n');
    const status = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', message: 'too old resource version: 1 (200)' };
    expect(render({}, [podTable(podRow('foo')), new WatchEventObject('ERROR', status)], true)).toBe(
      [
        'NAME   READY   STATUS   RESTARTS   AGE',
        'foo    0/0              0          <unknown>',
        'EVENT      STATUS    REASON    MESSAGE',
        'ERROR      Failure   Expired   too old resource version: 1 (200)',
        '',
      ].join('\n'),
    );
  });

  it('omits the header for empty tables and with --no-headers; truncates multi-line cells', () => {
    expect(render({}, [podTable()])).toBe('');
    const t = podTable(podRow('foo'));
    t.rows![0].cells[2] = 'line1\nline2\x1b';
    expect(render({ noHeaders: true }, [t])).toBe('foo   0/0   line1...   0     <unknown>\n');
  });
});
