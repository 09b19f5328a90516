import { describe, expect, it } from 'vitest';
import type { KObject } from '@mk/api';
import { register } from '../../commands/create';
import { fakeCli } from '../testing/fake-context';
import { statusError, type RecordedRequest } from '../testing/fake-client';
import { parseFileSource } from './data-sources';
import { containerName, cronJobObject, cronJobToInstantiate, deploymentObject, jobFromCronJob, jobObject, jobSourceError } from './objects';

describe('create generators', () => {
  it('derives container names from images like kubectl', () => {
    expect(containerName('nginx')).toBe('nginx');
    expect(containerName('registry.example.com:5000/team/api:1.2')).toBe('api');
    expect(containerName('busybox@sha256:abc')).toBe('busybox');
    expect(containerName('my_app.v2:1', () => 'abcde')).toBe('my-app-v2-abcde');
  });

  it('gives a single-image deployment its port and command', () => {
    const d = deploymentObject({ name: 'w', images: ['nginx'], port: 8080, replicas: 1, command: ['nginx', '-g', 'daemon off;'] });
    expect((d.spec as { template: { spec: unknown } }).template.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx', command: ['nginx', '-g', 'daemon off;'], resources: {}, ports: [{ containerPort: 8080 }] }],
    });
  });

  it('parses --from-file sources', () => {
    expect(parseFileSource('dir/app.conf')).toEqual({ key: 'app.conf', file: 'dir/app.conf' });
    expect(parseFileSource('k=dir/app.conf')).toEqual({ key: 'k', file: 'dir/app.conf' });
    expect(() => parseFileSource('=f')).toThrow('key name for file path f missing');
    expect(() => parseFileSource('k=')).toThrow('file path for key name k missing');
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
  });
});

const nightly: KObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'nightly', namespace: 'default', uid: 'uid-nightly', resourceVersion: '12' },
  spec: {
    schedule: '0 3 * * *',
    concurrencyPolicy: 'Allow',
    jobTemplate: {
      metadata: { labels: { app: 'report' }, annotations: { team: 'data' } },
      spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report', image: 'busybox', command: ['date'] }] } } },
    },
  },
};

describe('create job and cronjob objects', () => {
  it('builds a job that runs the image once, named after itself', () => {
    expect(jobObject({ name: 'once', image: 'busybox', command: ['date', '-u'] })).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: 'once', creationTimestamp: null },
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'once', image: 'busybox', command: ['date', '-u'], resources: {} }], restartPolicy: 'Never' } } },
      status: {},
    });
  });

  it('builds a cronjob whose job template carries the name, schedule and restart policy', () => {
    expect(cronJobObject({ name: 'tick', namespace: 'ops', image: 'busybox', schedule: '*/5 * * * *', restart: 'OnFailure', command: [] })).toEqual({
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name: 'tick', namespace: 'ops', creationTimestamp: null },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          metadata: { name: 'tick', creationTimestamp: null },
          spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'tick', image: 'busybox', resources: {} }], restartPolicy: 'OnFailure' } } },
        },
      },
      status: {},
    });
  });

  it('instantiates a cronjob: its template, a manual annotation and a controller reference', () => {
    expect(jobFromCronJob('manual-1', undefined, nightly)).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: {
        name: 'manual-1',
        creationTimestamp: null,
        labels: { app: 'report' },
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', team: 'data' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'uid-nightly', controller: true }],
      },
      spec: { backoffLimit: 2, template: { metadata: { creationTimestamp: null }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report', image: 'busybox', command: ['date'] }] } } },
      status: {},
    });
  });

  it('validates the job source as kubectl does', () => {
    expect(jobSourceError('', '', [])).toBe('either --image or --from must be specified');
    expect(jobSourceError('busybox', 'cronjob/nightly', [])).toBe('either --image or --from must be specified');
    expect(jobSourceError('', 'cronjob/nightly', ['date'])).toBe('cannot specify --from and command');
    expect(jobSourceError('busybox', '', ['date'])).toBeUndefined();
  });

  it('accepts only one existing cronjob to instantiate', () => {
    const cronJobs = { group: 'batch', version: 'v1', kind: 'CronJob' };
    expect(cronJobToInstantiate([{ resource: cronJobs, object: nightly }])).toBe(nightly);
    expect(() => cronJobToInstantiate([])).toThrow('from must be an existing cronjob');
    expect(() => cronJobToInstantiate([{ resource: { group: 'apps', version: 'v1', kind: 'Deployment' }, object: {} }])).toThrow('unknown object type *v1.Deployment');
  });
});

describe('mk create job / cronjob', () => {
  const JOBS = '/apis/batch/v1/namespaces/default/jobs';
  const echoCreated = (req: RecordedRequest) => ({ ...(req.body as KObject), metadata: { ...(req.body as KObject).metadata, uid: 'uid-new' } });

  it('creates a job from an image and prints job.batch/NAME created', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', JOBS, echoCreated);
    await cli.run('create', 'job', 'once', '--image=busybox', '--', 'date');
    expect(cli.stdout()).toBe('job.batch/once created\n');
    const post = cli.client.requests.find((r) => r.method === 'POST')!;
    expect(post.query).toMatchObject({ fieldManager: 'kubectl-create' });
    expect((post.body as KObject).spec).toMatchObject({ template: { spec: { containers: [{ name: 'once', image: 'busybox', command: ['date'] }], restartPolicy: 'Never' } } });
  });

  it('instantiates a cronjob with --from, reading it in the current namespace', async () => {
    const cli = fakeCli([register], { namespace: 'ops', namespaceExplicit: true });
    cli.client.on('GET', '/apis/batch/v1/namespaces/ops/cronjobs/nightly', { ...nightly, metadata: { ...nightly.metadata, namespace: 'ops' } });
    cli.client.on('POST', '/apis/batch/v1/namespaces/ops/jobs', echoCreated);
    await cli.run('create', 'job', 'manual-1', '--from=cj/nightly');
    expect(cli.stdout()).toBe('job.batch/manual-1 created\n');
    const body = cli.client.requests.find((r) => r.method === 'POST')!.body as KObject;
    expect(body.metadata).toMatchObject({ name: 'manual-1', namespace: 'ops', annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' } });
    expect(body.metadata?.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'uid-nightly', controller: true }]);
  });

  it('reports what kubectl reports for a bad --from', async () => {
    const failure = async (...args: string[]) => {
      const cli = fakeCli([register]);
      cli.client.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } });
      return cli.run('create', 'job', 'x', ...args).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    };
    expect(await failure('--from=cronjob/missing')).toBe('cronjobs.batch "missing" not found');
    expect(await failure('--from=deployment/web')).toBe('unknown object type *v1.Deployment');
    expect(await failure('--from=cronjob')).toBe('resource(s) were provided, but no name was specified');
    expect(await failure('--from=cronjob/a', '--', 'date')).toBe('cannot specify --from and command');
    expect(await failure()).toBe('either --image or --from must be specified');
  });

  it('wraps a server refusal in "failed to create job"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', JOBS, () => {
      throw statusError(409, 'AlreadyExists', 'jobs.batch "once" already exists');
    });
    await expect(cli.run('create', 'job', 'once', '--image=busybox')).rejects.toThrow('failed to create job: jobs.batch "once" already exists');
  });

  it('creates a cronjob, OnFailure by default, and requires --image and --schedule', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', '/apis/batch/v1/namespaces/default/cronjobs', echoCreated);
    await cli.run('create', 'cj', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date');
    expect(cli.stdout()).toBe('cronjob.batch/tick created\n');
    const body = cli.client.requests.find((r) => r.method === 'POST')!.body as KObject;
    expect(body.spec).toMatchObject({ schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ command: ['date'] }] } } } } });

    const never = fakeCli([register]);
    await never.run('create', 'cronjob', 'tick', '--image=busybox', '--schedule=@hourly', '--restart=Never', '--dry-run=client', '-o', 'json');
    expect(JSON.parse(never.stdout()).spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
    expect(never.client.requests.filter((r) => r.method === 'POST')).toEqual([]);

    await expect(fakeCli([register]).run('create', 'cronjob', 'tick')).rejects.toThrow('required flag(s) "image", "schedule" not set');
    await expect(fakeCli([register]).run('create', 'cronjob', 'tick', '--image=busybox')).rejects.toThrow('required flag(s) "schedule" not set');
  });
});
