import { describe, it, expect } from 'vitest';
import { isApiError } from '@mk/client';
import { runCommand, testContext } from '../describe/testing/cli-harness';
import { FakeApiClient, notFoundStatus } from '../describe/testing/fake-client';
import { webPod } from '../describe/testing/describe-fixtures';
import { register, runDescribe, type DescribeFlags } from './describe';

const now = new Date('2024-01-01T00:00:00Z');
const flags: DescribeFlags = { selector: '', allNamespaces: false, showEvents: true, chunkSize: 500 };
const list = (items: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '9', ...extra }, items });

function pod(name: string): Record<string, unknown> {
  const p = webPod(now) as Record<string, any>;
  p.metadata = { ...p.metadata, name };
  delete p.kind;
  delete p.apiVersion;
  return p;
}

async function run(client: FakeApiClient, args: string[], f: Partial<DescribeFlags> = {}) {
  const { ctx, result } = testContext(client, { now });
  try {
    await runDescribe(ctx, args, { ...flags, ...f }, () => 0);
  } catch (err) {
    result.error = err;
  }
  return result;
}

describe('mk describe', () => {
  it('describes one pod by name, with its events', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods/web-1', webPod(now)).get('/api/v1/namespaces/default/events', list([]));
    const r = await run(client, ['pod', 'web-1']);
    expect(r.out.startsWith('Name:             web-1\nNamespace:        default\n')).toBe(true);
    expect(r.out.endsWith('Events:                      <none>\n')).toBe(true);
    expect(client.requests[0]).toMatchObject({ path: '/api/v1/namespaces/default/pods/web-1', accept: undefined });
  });

  it('describes every object of a type, separated by two blank lines, using plain lists', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', list([pod('a'), pod('b')]), (q) => q.labelSelector === 'app=web' && q.limit === '500')
      .get('/api/v1/namespaces/default/events', list([]));
    const r = await run(client, ['pods'], { selector: 'app=web' });
    const parts = r.out.split('\n\n\nName:');
    expect(parts).toHaveLength(2);
    expect(parts[1].startsWith('             b\n')).toBe(true);
  });

  it('falls back to names starting with the argument, then to the NotFound error', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods/web', notFoundStatus('pods', 'web'))
      .get('/api/v1/namespaces/default/pods/zzz', notFoundStatus('pods', 'zzz'))
      .get('/api/v1/namespaces/default/pods', list([pod('web-1'), pod('db'), pod('web-2')]))
      .get('/api/v1/namespaces/default/events', list([]));
    const r = await run(client, ['pods', 'web'], { showEvents: false });
    expect(r.error).toBeUndefined();
    expect(r.out.match(/^Name: +(\S+)$/gm)).toEqual(['Name:             web-1', 'Name:             web-2']);
    expect(r.out).toContain('for 300s\n\nName:');
    const missing = await run(client, ['pods', 'zzz']);
    expect(isApiError(missing.error) && missing.error.message).toBe('pods "zzz" not found');
  });

  it('says when there is nothing to describe and requires a type', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods', list([]));
    const r = await run(client, ['pods']);
    expect([r.out, r.err, r.error]).toEqual(['', 'No resources found in default namespace.\n', undefined]);
    const none = await run(client, []);
    expect((none.error as Error).message).toBe('You must specify the type of resource to describe. Use "mk api-resources" for a complete list of supported resources.\n');
  });

  it('registers kubectl flags (--show-events=false skips the event search)', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/pods/web-1', webPod(now));
    const r = await runCommand(register, client, ['describe', 'pod/web-1', '--show-events=false']);
    expect(r.error).toBeUndefined();
    expect(r.out).not.toContain('Events:');
    expect(client.requests.map((q) => q.path)).toEqual(['/api/v1/namespaces/default/pods/web-1']);
  });
});
