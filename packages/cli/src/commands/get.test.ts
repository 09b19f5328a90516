import { describe, it, expect } from 'vitest';
import { isApiError } from '@mk/client';
import { FakeApiClient, notFoundStatus } from '../describe/testing/fake-client';
import { runCommand } from '../describe/testing/cli-harness';
import { register, TABLE_ACCEPT } from './get';

const podColumns = [
  { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
  { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
  { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
];

function meta(name: string, ns = 'default', labels?: Record<string, string>) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name, namespace: ns, ...(labels ? { labels } : {}) } };
}

function podTable(rows: [string, string, string][], rv = '100', extra: Record<string, unknown> = {}) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: rv, ...extra },
    columnDefinitions: podColumns,
    rows: rows.map(([name, status, ns]) => ({ cells: [name, '1/1', status, '0', '5m', '10.0.0.1'], object: meta(name, ns, { app: name }) })),
  };
}

function pod(name: string, extra: Record<string, unknown> = {}) {
  return { metadata: { name, namespace: 'default', resourceVersion: '7' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, ...extra };
}

const emptyTable = (columns: unknown[] = podColumns) => ({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '5' }, columnDefinitions: columns, rows: [] });

const get = (client: FakeApiClient, ...argv: string[]) => runCommand(register, client, ['get', ...argv]);

describe('mk get (tables)', () => {
  it('lists with the Table Accept header and limit=500, and prints kubectl columns', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods', podTable([['web-1', 'Running', 'default'], ['db', 'Pending', 'default']]));
    const r = await get(client, 'pods');
    expect(r.error).toBeUndefined();
    expect(r.out).toBe('NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\ndb      1/1     Pending   0          5m\n');
    expect(client.requests[0]).toEqual({ method: 'GET', path: '/api/v1/namespaces/default/pods', query: { limit: '500' }, accept: TABLE_ACCEPT });
  });

  it('shows wide columns, labels, label columns and namespaces across all namespaces', async () => {
    const client = new FakeApiClient().get('/api/v1/pods', podTable([['web-1', 'Running', 'prod']]));
    const r = await get(client, 'po', '-A', '-o', 'wide', '--show-labels', '-L', 'app');
    expect(r.out).toBe(
      'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   IP         APP     LABELS\nprod        web-1   1/1     Running   0          5m    10.0.0.1   web-1   app=web-1\n',
    );
  });

  it('says No resources found on stderr for empty namespaced and cluster-scoped lists', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/dev/pods', emptyTable()).get('/api/v1/nodes', emptyTable());
    const pods = await runCommand(register, client, ['get', 'pods'], { namespace: 'dev' });
    expect([pods.out, pods.err]).toEqual(['', 'No resources found in dev namespace.\n']);
    const nodes = await get(client, 'nodes');
    expect([nodes.out, nodes.err]).toEqual(['', 'No resources found\n']);
  });

  it('prints one table per type with kind prefixes, skipping empty types (get all)', async () => {
    const svcTable = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '9' },
      columnDefinitions: ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age'].map((name, i) => ({ name, type: 'string', format: i === 0 ? 'name' : '', priority: 0 })),
      rows: [{ cells: ['baz', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '1d'], object: meta('baz') }],
    };
    const deployTable = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '9' },
      columnDefinitions: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age'].map((name, i) => ({ name, type: 'string', format: i === 0 ? 'name' : '', priority: 0 })),
      rows: [{ cells: ['web', '1/1', 1, 1, '1d'], object: meta('web') }],
    };
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', podTable([['foo', 'Running', 'default']]))
      .get('/api/v1/namespaces/default/services', svcTable)
      .get('/apis/apps/v1/namespaces/default/deployments', deployTable);
    for (const path of [
      '/api/v1/namespaces/default/replicationcontrollers',
      '/apis/apps/v1/namespaces/default/daemonsets',
      '/apis/apps/v1/namespaces/default/replicasets',
      '/apis/apps/v1/namespaces/default/statefulsets',
      '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers',
      '/apis/batch/v1/namespaces/default/cronjobs',
      '/apis/batch/v1/namespaces/default/jobs',
    ]) {
      client.get(path, emptyTable([{ name: 'Name', type: 'string', format: 'name' }]));
    }
    const r = await get(client, 'all');
    expect(r.out).toBe(
      [
        'NAME      READY   STATUS    RESTARTS   AGE',
        'pod/foo   1/1     Running   0          5m',
        '',
        'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'service/baz   ClusterIP   10.96.0.10   <none>        80/TCP    1d',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   1/1     1            1           1d',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe('');
  });

  it('follows continue tokens and aligns all chunks under one header', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', podTable([['a', 'Running', 'default']], '100', { continue: 'next' }), (q) => !q.continue)
      .get('/api/v1/namespaces/default/pods', podTable([['a-very-long-name', 'Running', 'default']]), (q) => q.continue === 'next');
    const r = await get(client, 'pods', '--chunk-size', '1');
    expect(r.out).toBe('NAME               READY   STATUS    RESTARTS   AGE\na                  1/1     Running   0          5m\na-very-long-name   1/1     Running   0          5m\n');
    expect(client.requests.map((q) => q.query)).toEqual([{ limit: '1' }, { limit: '1', continue: 'next' }]);
  });

  it('passes selectors and asks for full objects without limit when sorting', async () => {
    const table = podTable([['b', 'Running', 'default'], ['a', 'Running', 'default']]);
    table.rows[0].object = { ...pod('b'), metadata: { name: 'b', namespace: 'default', creationTimestamp: '2024-01-02T00:00:00Z' } } as never;
    table.rows[1].object = { ...pod('a'), metadata: { name: 'a', namespace: 'default', creationTimestamp: '2024-01-01T00:00:00Z' } } as never;
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods', table);
    const r = await get(client, 'pods', '-l', 'app=web', '--field-selector', 'status.phase=Running', '--sort-by', '.metadata.creationTimestamp', '--no-headers');
    expect(client.requests[0].query).toEqual({ includeObject: 'Object', labelSelector: 'app=web', fieldSelector: 'status.phase=Running' });
    expect(r.out).toBe('a     1/1   Running   0     5m\nb     1/1   Running   0     5m\n');
  });

  it('sorts like kubectl: one table with an unknown field prints unsorted, several tables fail', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', podTable([['a', 'Running', 'default']]))
      .get('/api/v1/namespaces/default/services', emptyTable());
    const one = await get(client, 'pods', '--sort-by', '.spec.nope');
    expect([one.out, one.error]).toEqual(['NAME   READY   STATUS    RESTARTS   AGE\na      1/1     Running   0          5m\n', undefined]);
    const two = await get(client, 'pods,svc', '--sort-by', '.metadata.name');
    expect((two.error as Error).message).toBe('couldn\'t find any field with path "{.metadata.name}" in the list of objects');
    expect(two.out).toBe('');
  });

  it('prints found objects, then fails with the server error for a missing name', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods/foo', podTable([['foo', 'Running', 'default']]))
      .get('/api/v1/namespaces/default/pods/nope', notFoundStatus('pods', 'nope'));
    const r = await get(client, 'pods', 'foo', 'nope');
    expect(r.out).toBe('NAME   READY   STATUS    RESTARTS   AGE\nfoo    1/1     Running   0          5m\n');
    expect(isApiError(r.error) && r.error.message).toBe('pods "nope" not found');
    expect(r.err).toBe('');
  });

  it('prints every error when several names are missing, and nothing with --ignore-not-found', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods/a', notFoundStatus('pods', 'a'))
      .get('/apis/apps/v1/namespaces/default/deployments/b', notFoundStatus('deployments', 'b', 'apps'));
    const r = await get(client, 'pod/a', 'deploy/b');
    expect(r.err).toBe('Error from server (NotFound): pods "a" not found\nError from server (NotFound): deployments.apps "b" not found\n');
    expect(r.error).toBeDefined();
    const ignored = await get(client, 'pod/a', 'deploy/b', '--ignore-not-found');
    expect([ignored.out, ignored.err, ignored.error]).toEqual(['', '', undefined]);
  });

  it('explains list failures as kubectl does', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods', {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'field label not supported: foo',
      reason: 'BadRequest',
      code: 400,
    });
    const r = await get(client, 'pods', '--field-selector', 'foo=bar');
    expect((r.error as Error).message).toBe('Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo');
  });
});

describe('mk get (other formats)', () => {
  it('wraps lists in kind: List with items typed, and prints single objects as is', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '12' }, items: [pod('a')] })
      .get('/api/v1/namespaces/default/pods/a', { kind: 'Pod', apiVersion: 'v1', ...pod('a') });
    const list = await get(client, 'pods', '-o', 'json');
    expect(JSON.parse(list.out)).toEqual({ apiVersion: 'v1', items: [{ apiVersion: 'v1', kind: 'Pod', ...pod('a') }], kind: 'List', metadata: { resourceVersion: '' } });
    expect(client.requests[0].accept).toBe('application/json');
    const one = await get(client, 'pod', 'a', '-o', 'yaml');
    expect(one.out).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: default\n  resourceVersion: "7"\nspec:\n  containers:\n  - image: nginx\n    name: c\n',
    );
    const names = await get(client, 'pods', '-o', 'name');
    expect(names.out).toBe('pod/a\n');
    const jp = await get(client, 'pods', '-o', 'jsonpath={.items[*].metadata.name}');
    expect(jp.out).toBe('a');
    const cc = await get(client, 'pods', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,NODE:.spec.nodeName');
    expect(cc.out).toBe('NAME   IMAGE   NODE\na      nginx   <none>\n');
  });

  it('prints an empty List and no "No resources found" message', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods', { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] });
    const r = await get(client, 'pods', '-o', 'yaml');
    expect([r.out, r.err]).toEqual(['apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n', '']);
  });

  it('fails a single missing object without printing', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods/x', notFoundStatus('pods', 'x'));
    const r = await get(client, 'pod/x', '-o', 'json');
    expect([r.out, (r.error as Error).message]).toEqual(['', 'pods "x" not found']);
  });
});

describe('mk get -w', () => {
  it('prints the table then one row per event, watching from the list RV with the Table Accept', async () => {
    const event = (type: 'ADDED' | 'MODIFIED' | 'DELETED', name: string, status: string) => ({
      type,
      object: { ...podTable([[name, status, 'default']]), columnDefinitions: [] },
    });
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', podTable([['web', 'Pending', 'default']], '42'))
      .watchOn('/api/v1/namespaces/default/pods', [event('MODIFIED', 'web', 'Running'), event('ADDED', 'web-second', 'ContainerCreating'), event('DELETED', 'web', 'Running')]);
    const r = await get(client, 'pods', '-w');
    expect(r.error).toBeUndefined();
    expect(r.out).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Pending   0          5m',
        'web    1/1     Running   0          5m',
        'web-second   1/1     ContainerCreating   0          5m',
        'web          1/1     Running             0          5m',
        '',
      ].join('\n'),
    );
    expect(client.requests[1]).toEqual({ method: 'WATCH', path: '/api/v1/namespaces/default/pods', query: { resourceVersion: '42', watch: 'true' }, accept: TABLE_ACCEPT });
  });

  it('watches a single object by field selector from RV 0 and skips the synthetic ADDED', async () => {
    const ev = (type: 'ADDED' | 'MODIFIED', status: string) => ({ type, object: podTable([['web', status, 'default']]) });
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods/web', podTable([['web', 'Pending', 'default']]))
      .watchOn('/api/v1/namespaces/default/pods', [ev('ADDED', 'Pending'), ev('MODIFIED', 'Running')]);
    const r = await get(client, 'pod', 'web', '-w', '--output-watch-events');
    expect(r.out).toBe('EVENT      NAME   READY   STATUS    RESTARTS   AGE\nADDED      web    1/1     Pending   0          5m\nMODIFIED   web    1/1     Running   0          5m\n');
    expect(client.requests[1].query).toEqual({ resourceVersion: '0', fieldSelector: 'metadata.name=web', watch: 'true' });
  });

  it('--watch-only prints events only, with the header on the first one; json events are compact', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '3' }, items: [pod('a')] })
      .watchOn('/api/v1/namespaces/default/pods', [{ type: 'MODIFIED', object: { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a' } } }]);
    const r = await get(client, 'pods', '--watch-only', '-o', 'json', '--output-watch-events');
    expect(r.out).toBe('{"type":"MODIFIED","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}}\n');
  });

  it('refuses several types', async () => {
    const r = await get(new FakeApiClient(), 'pods,svc', '-w');
    expect((r.error as Error).message).toBe('you may only specify a single resource type');
  });
});

describe('mk get --raw and warnings', () => {
  it('prints the raw body of a GET', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods/x?pretty=true', '{"kind":"Pod"}');
    const r = await get(client, '--raw', '/api/v1/namespaces/default/pods/x?pretty=true');
    expect([r.out, r.error]).toEqual(['{"kind":"Pod"}', undefined]);
    const bad = await get(client, '--raw', 'api');
    expect((bad.error as Error).message).toBe('--raw must be a valid URL path: parse "api": invalid URI for request');
    const withArgs = await get(client, 'pods', '--raw', '/api');
    expect((withArgs.error as Error).message).toBe('arguments may not be passed when --raw is specified');
  });

  it('warns when a short name also names a resource in another group', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/events', emptyTable());
    const r = await get(client, 'ev');
    expect(r.err).toBe('Warning: short name "ev" could also match lower priority resource events.events.k8s.io\nNo resources found in default namespace.\n');
  });

  it('reports template errors after printing nothing, like printGeneric', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods', { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [] });
    const r = await get(client, 'pods', '-o', 'jsonpath={.items[3]}');
    expect(r.out).toBe('');
    expect((r.error as Error).message).toContain('error executing jsonpath "{.items[3]}": Error executing template: array index out of bounds: index 3, length 0.');
  });
});

describe('mk get argument and flag errors', () => {
  it.each([
    [['get'], "Required resource not specified.\nSee 'mk get -h' for help and examples"],
    [['get', 'pods', 'a', '-l', 'app=x'], 'name cannot be provided when a selector is specified'],
    [['get', 'pod/a', '-l', 'app=x'], 'selectors and the all flag cannot be used when passing resource/name arguments'],
    [['get', 'pods', 'a', '-A'], 'a resource cannot be retrieved by name across all namespaces'],
    [['get', 'pods', '--show-labels', '-o', 'json'], '--show-labels option cannot be used with json printer'],
    [['get', 'pods', '--output-watch-events'], '--output-watch-events option can only be used with --watch or --watch-only'],
    [['get', 'foo'], 'the server doesn\'t have a resource type "foo"'],
    [['get', 'pods', '-o', 'xml'], 'unable to match a printer suitable for the output format "xml"'],
  ])('%j → %s', async (argv, message) => {
    const r = await runCommand(register, new FakeApiClient(), argv);
    expect((r.error as Error).message).toContain(message);
  });
});
