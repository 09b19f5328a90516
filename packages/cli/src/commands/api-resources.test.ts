import { describe, expect, it } from 'vitest';
import type { DiscoveredResource, DiscoverOptions } from '@mk/client';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { apiResourceLines, register } from './api-resources';

const few = STANDARD_RESOURCES.filter((r) => ['pods', 'namespaces', 'deployments', 'jobs', 'ingresses'].includes(r.plural));

/** Records how discovery was asked for. */
class DiscoveryRecordingClient extends FakeApiClient {
  readonly discoveries: DiscoverOptions[] = [];

  override async discover(opts: DiscoverOptions = {}): Promise<DiscoveredResource[]> {
    this.discoveries.push(opts);
    return super.discover();
  }
}

describe('mk api-resources', () => {
  it('prints kubectl\'s table, sorted by group then name', async () => {
    const cli = fakeCli([register], { client: new FakeApiClient(few) });
    await cli.run('api-resources');
    expect(cli.stdout()).toBe(
      [
        'NAME          SHORTNAMES   APIVERSION             NAMESPACED   KIND',
        'namespaces    ns           v1                     false        Namespace',
        'pods          po           v1                     true         Pod',
        'deployments   deploy       apps/v1                true         Deployment',
        'jobs                       batch/v1               true         Job',
        'ingresses     ing          networking.k8s.io/v1   true         Ingress',
        '',
      ].join('\n'),
    );
  });

  it('filters by scope and group and prints names', async () => {
    const cli = fakeCli([register], { client: new FakeApiClient(few) });
    await cli.run('api-resources', '--namespaced=true', '-o', 'name', '--sort-by=name');
    expect(cli.stdout()).toBe('deployments.apps\ningresses.networking.k8s.io\njobs.batch\npods\n');
    const core = fakeCli([register], { client: new FakeApiClient(few) });
    await core.run('api-resources', '--api-group=', '--no-headers');
    expect(core.stdout()).toBe('namespaces   ns    v1    false   Namespace\npods         po    v1    true    Pod\n');
  });

  it('keeps only the preferred version of a resource and honours -o wide', () => {
    const v2 = { ...few.find((r) => r.plural === 'jobs')!, version: 'v2' };
    const lines = apiResourceLines([...few, v2], { output: 'wide', sortBy: 'kind', verbs: ['list'], categories: ['all'], noHeaders: false });
    expect(lines[0]).toBe('NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES');
    expect(lines.slice(1).map((l) => l.split('\t').slice(0, 3).join(' '))).toEqual(['deployments deploy apps/v1', 'jobs  batch/v1', 'pods po v1']);
  });

  it('rejects unknown output and sort fields', async () => {
    await expect(fakeCli([register]).run('api-resources', '-o', 'json')).rejects.toThrow('--output json is not available');
    await expect(fakeCli([register]).run('api-resources', '--sort-by=group')).rejects.toThrow('--sort-by accepts only name or kind');
  });

  it('asks the server for a fresh list unless --cached allows the disk cache', async () => {
    const asked = async (...flags: string[]) => {
      const client = new DiscoveryRecordingClient(few);
      await fakeCli([register], { client }).run('api-resources', ...flags);
      return client.discoveries;
    };
    expect(await asked()).toEqual([{ fresh: true }]);
    expect(await asked('--cached')).toEqual([{ fresh: false }]);
    expect(await asked('--cached=false')).toEqual([{ fresh: true }]);
  });
});
