import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../mutate/last-applied';
import { statusError } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './apply';

const DEPLOY = '/apis/apps/v1/namespaces/default/deployments';
const web = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
};

function file(objects: object[] | string, name = 'app.yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mk-apply-'));
  const p = path.join(dir, name);
  writeFileSync(p, typeof objects === 'string' ? objects : objects.map((o) => JSON.stringify(o)).join('\n'));
  return p;
}

/** The live object as the server would hold it after a previous apply of `manifest`. */
function live(manifest: typeof web, changes: Record<string, unknown> = {}) {
  return {
    ...manifest,
    ...changes,
    metadata: { ...manifest.metadata, uid: 'u1', resourceVersion: '10', annotations: { [LAST_APPLIED_ANNOTATION]: lastAppliedValue(manifest) } },
    status: { replicas: 2 },
  };
}

describe('mk apply (client-side)', () => {
  it('creates an absent object with the last-applied annotation, as kubectl does', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', DEPLOY, (req) => req.body as object);
    await cli.run('apply', '-f', file([web]));
    expect(cli.client.calls()).toEqual([`GET ${DEPLOY}/web`, `POST ${DEPLOY}`]);
    const post = cli.client.requests[1]!;
    expect(post.query).toEqual({ fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' });
    expect((post.body as typeof web & { metadata: { annotations: Record<string, string> } }).metadata.annotations[LAST_APPLIED_ANNOTATION]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},' +
        '"spec":{"replicas":2,"template":{"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}\n',
    );
    expect(cli.stdout()).toBe('deployment.apps/web created\n');
  });

  it('sends nothing when the manifest did not change', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', `${DEPLOY}/web`, live(web));
    await cli.run('apply', '-f', file([web]));
    expect(cli.client.calls()).toEqual([`GET ${DEPLOY}/web`]);
    expect(cli.stdout()).toBe('deployment.apps/web unchanged\n');
  });

  it('sends the three-way strategic merge patch with the new annotation', async () => {
    const cli = fakeCli([register]);
    const changed = { ...web, spec: { ...web.spec, replicas: 3 } };
    cli.client.on('GET', `${DEPLOY}/web`, live(web));
    cli.client.on('PATCH', `${DEPLOY}/web`, live(changed));
    await cli.run('apply', '-f', file([changed]));
    const patch = cli.client.requests[1]!;
    expect(patch.contentType).toBe('application/strategic-merge-patch+json');
    expect(patch.query).toEqual({ fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' });
    expect(patch.body).toEqual({ metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: lastAppliedValue(changed) } }, spec: { replicas: 3 } });
    expect(cli.stdout()).toBe('deployment.apps/web configured\n');
  });

  it('uses a JSON merge patch for kinds outside kubectl\'s scheme, and warns about a missing annotation', async () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: { size: 2 } };
    const path_ = '/apis/example.com/v1/namespaces/default/widgets/w';
    const cli = fakeCli([register]);
    cli.client.on('GET', path_, { ...widget, spec: { size: 1 }, metadata: { ...widget.metadata, uid: 'w1' } });
    cli.client.on('PATCH', path_, widget);
    await cli.run('apply', '-f', file([widget]));
    expect(cli.client.requests[1]!.contentType).toBe('application/merge-patch+json');
    expect(cli.stderr()).toBe(
      `Warning: resource widgets/w is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by mk apply. ` +
        'mk apply should only be used on resources created declaratively by either mk create --save-config or mk apply. ' +
        'The missing annotation will be patched automatically.\n',
    );
    expect(cli.stdout()).toBe('widget.example.com/w configured\n');
  });

  it('re-reads the object and retries after a 409 Conflict', async () => {
    const cli = fakeCli([register]);
    const changed = { ...web, spec: { ...web.spec, replicas: 5 } };
    cli.client.on('GET', `${DEPLOY}/web`, live(web));
    cli.client.on(
      'PATCH',
      `${DEPLOY}/web`,
      () => {
        throw statusError(409, 'Conflict', 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified');
      },
      live(changed),
    );
    await cli.run('apply', '-f', file([changed]));
    expect(cli.client.calls()).toEqual([`GET ${DEPLOY}/web`, `PATCH ${DEPLOY}/web`, `GET ${DEPLOY}/web`, `PATCH ${DEPLOY}/web`]);
    expect(cli.stdout()).toBe('deployment.apps/web configured\n');
  });

  it('marks server dry runs and sends dryRun=All', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', DEPLOY, (req) => req.body as object);
    await cli.run('apply', '-f', file([web]), '--dry-run=server');
    expect(cli.client.requests[1]!.query).toMatchObject({ dryRun: 'All' });
    expect(cli.stdout()).toBe('deployment.apps/web created (server dry run)\n');
  });

  it('keeps going after a failed object and reports it at the end with the hint for removed APIs', async () => {
    const old = { ...web, apiVersion: 'extensions/v1beta1', metadata: { name: 'old' } };
    const f = file([old, web]);
    const cli = fakeCli([register]);
    cli.client.on('POST', DEPLOY, (req) => req.body as object);
    const err = await cli.run('apply', '-f', f).catch((e: unknown) => e);
    expect(cli.stdout()).toBe('deployment.apps/web created\n');
    expect(formatCliError(err).message).toBe(
      `error: resource mapping not found for name: "old" namespace: "" from "${f}": no matches for kind "Deployment" in version "extensions/v1beta1"\n` +
        'ensure CRDs are installed first\nhint: Deployment is served as apps/v1 since Kubernetes 1.16; change apiVersion to apps/v1\n',
    );
  });

  it('wraps a rejected patch in kubectl\'s "error when applying patch" context', async () => {
    const f = file([{ ...web, spec: { ...web.spec, replicas: 4 } }]);
    const cli = fakeCli([register]);
    cli.client.on('GET', `${DEPLOY}/web`, live(web));
    cli.client.on('PATCH', `${DEPLOY}/web`, () => {
      throw statusError(403, 'Forbidden', 'deployments.apps "web" is forbidden');
    });
    const err = await cli.run('apply', '-f', f).catch((e: unknown) => e);
    const message = formatCliError(err).message;
    expect(message.startsWith('Error from server (Forbidden): error when applying patch:\n{"metadata":')).toBe(true);
    expect(message).toContain(
      '\nto:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "default"\n' +
        `for: "${f}": error when patching "${f}": deployments.apps "web" is forbidden\n`,
    );
  });

  it('prints the applied objects as a List with -o json', async () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80 }] } };
    const cli = fakeCli([register]);
    cli.client.on('POST', DEPLOY, (req) => req.body as object);
    cli.client.on('POST', '/api/v1/namespaces/default/services', (req) => req.body as object);
    await cli.run('apply', '-f', file([web, svc]), '-o', 'json');
    const out = JSON.parse(cli.stdout());
    expect(out).toMatchObject({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Deployment' }, { kind: 'Service' }] });
  });

  it('rejects a namespace that differs from -n', async () => {
    const cli = fakeCli([register], { namespace: 'dev', namespaceExplicit: true });
    await expect(cli.run('apply', '-f', file([web]))).rejects.toThrow(
      `the namespace from the provided object "default" does not match the namespace "dev". You must pass '--namespace=default' to perform this operation.`,
    );
    expect(cli.client.calls()).toEqual([]);
  });

  it('validates flags like kubectl', async () => {
    await expect(fakeCli([register]).run('apply')).rejects.toThrow('must specify one of -f and -k');
    await expect(fakeCli([register]).run('apply', '-f', 'x', '--force-conflicts')).rejects.toThrow('--force-conflicts only works with --server-side');
    await expect(fakeCli([register]).run('apply', '-f', 'x', '--prune')).rejects.toThrow('all resources selected for prune without explicitly passing --all.');
    await expect(fakeCli([register]).run('apply', '-f', 'x', '--server-side', '--dry-run=client')).rejects.toThrow("--dry-run=client doesn't work with --server-side");
  });
});

describe('mk apply --server-side', () => {
  it('PATCHes the manifest as an apply patch under the kubectl field manager', async () => {
    const cli = fakeCli([register]);
    cli.client.on('PATCH', `${DEPLOY}/web`, live(web));
    await cli.run('apply', '--server-side', '-f', file([web]), '--force-conflicts');
    const req = cli.client.requests[0]!;
    expect(req.contentType).toBe('application/apply-patch+yaml');
    expect(req.query).toEqual({ fieldManager: 'kubectl', fieldValidation: 'Strict', force: true });
    expect(JSON.parse(req.body as string)).toEqual(web);
    expect(cli.stdout()).toBe('deployment.apps/web serverside-applied\n');
  });

  it('explains conflicts as kubectl does', async () => {
    const cli = fakeCli([register]);
    cli.client.on('PATCH', `${DEPLOY}/web`, () => {
      throw statusError(409, 'Conflict', 'Apply failed with 1 conflict: conflict with "other": .spec.replicas');
    });
    const err = await cli.run('apply', '--server-side', '-f', file([web])).catch((e: unknown) => e);
    expect(formatCliError(err).message).toMatch(/^error: Apply failed with 1 conflict: conflict with "other": \.spec\.replicas\nPlease review the fields above/);
  });
});

describe('mk apply --prune', () => {
  it('deletes previously applied objects that left the manifest, within the selector', async () => {
    const labelled = { ...web, metadata: { ...web.metadata, labels: { app: 'web' } } };
    const cli = fakeCli([register]);
    cli.client.on('GET', `${DEPLOY}/web`, live(labelled));
    const annotated = (name: string, uid: string) => ({
      metadata: { name, namespace: 'default', uid, annotations: { [LAST_APPLIED_ANNOTATION]: '{}' } },
    });
    cli.client.on('GET', DEPLOY, { items: [{ ...live(labelled) }, annotated('old', 'u2')] });
    cli.client.on('GET', '/api/v1/namespaces/default/pods', { items: [annotated('stray', 'p1'), { metadata: { name: 'manual', uid: 'p2' } }] });
    cli.client.on('DELETE', `${DEPLOY}/old`, {});
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/stray', {});
    await cli.run('apply', '-f', file([labelled]), '--prune', '-l', 'app=web');
    expect(cli.stdout()).toBe('deployment.apps/web unchanged\npod/stray pruned\ndeployment.apps/old pruned\n');
    const lists = cli.client.requests.filter((r) => r.method === 'GET' && !r.path.endsWith('/web'));
    expect(lists.map((r) => r.path)).toContain('/api/v1/namespaces');
    expect(lists.every((r) => r.query.labelSelector === 'app=web')).toBe(true);
    expect(cli.client.requests.find((r) => r.method === 'DELETE')!.body).toEqual({ propagationPolicy: 'Background' });
  });

  it("fails like kubectl when a default prune type is not served", async () => {
    const { FakeApiClient, STANDARD_RESOURCES } = await import('../mutate/testing/fake-client');
    const client = new FakeApiClient(STANDARD_RESOURCES.filter((r) => r.kind !== 'Endpoints'));
    const cli = fakeCli([register], { client });
    client.on('POST', DEPLOY, (req) => req.body as object);
    await expect(cli.run('apply', '-f', file([web]), '--prune', '--all')).rejects.toThrow(
      'error retrieving RESTMappings to prune: invalid resource /v1, Kind=Endpoints, Namespaced=true: no matches for kind "Endpoints" in version "v1"',
    );
  });
});
