import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInformerFactory, targetKey, type InformerFactory } from './factory';
import { HandlerLog, RecordingClient, podManifest, startLiveServer, type LiveServer } from './test-support';

let server: LiveServer;
let client: RecordingClient;
let factory: InformerFactory;

beforeEach(async () => {
  server = await startLiveServer();
  client = new RecordingClient(server.client);
  factory = createInformerFactory(client, { log: () => {} });
});

afterEach(async () => {
  factory.stop();
  await server.close();
});

const pods = { group: '', version: 'v1', plural: 'pods' };

describe('createInformerFactory', () => {
  it('returns one shared informer per distinct target', () => {
    const a = factory.informerFor(pods);
    expect(factory.informerFor({ ...pods, labelSelector: '' })).toBe(a);
    expect(factory.informerFor({ ...pods, namespace: 'default' })).not.toBe(a);
    expect(factory.informerFor({ group: '', version: 'v1', plural: 'nodes' })).not.toBe(a);
    expect(factory.informerFor({ ...pods, fieldSelector: 'spec.nodeName=n1' })).not.toBe(a);
  });

  it('lists each target once however many components share it, and feeds all their handlers', async () => {
    await server.client.request('POST', '/api/v1/namespaces/default/pods', { body: podManifest('a') });
    const scheduler = new HandlerLog();
    const controller = new HandlerLog();
    factory.informerFor(pods).addHandlers(scheduler);
    factory.informerFor(pods).addHandlers(controller);
    const nodes = factory.informerFor({ group: '', version: 'v1', plural: 'nodes' });
    factory.start();
    await factory.synced();
    expect(nodes.hasSynced()).toBe(true);
    expect(scheduler.entries).toEqual(['add default/a']);
    expect(controller.entries).toEqual(['add default/a']);
    expect(client.lists.map((l) => l.path).sort()).toEqual(['/api/v1/nodes', '/api/v1/pods']);
  });

  it('starts informers requested after start()', async () => {
    factory.start();
    const late = factory.informerFor({ group: 'apps', version: 'v1', plural: 'deployments' });
    await late.synced();
    expect(late.hasSynced()).toBe(true);
  });

  it('stop() stops every informer', async () => {
    const inf = factory.informerFor(pods);
    factory.stop();
    await expect(inf.synced()).rejects.toThrow('stopped');
    expect(() => factory.start()).toThrow('informer factory was stopped');
  });

  it('keys targets by everything that changes what they list', () => {
    expect(targetKey(pods)).toBe(targetKey({ ...pods, namespace: undefined, labelSelector: undefined }));
    expect(targetKey({ ...pods, labelSelector: 'a=b' })).not.toBe(targetKey({ ...pods, fieldSelector: 'a=b' }));
  });
});
