import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statusError } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './edit';

const DEPLOY = '/apis/apps/v1/namespaces/default/deployments/web';
const web = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '4', managedFields: [{ manager: 'kubectl' }] },
  spec: { replicas: 2 },
};

let dir: string;
const saved = process.env.KUBE_EDITOR;
afterEach(() => {
  process.env.KUBE_EDITOR = saved;
});

/** Installs a KUBE_EDITOR script whose n-th run executes `steps[n-1]` (a shell snippet editing "$1"); it keeps a copy of what it was shown. */
function editor(...steps: string[]): void {
  dir = mkdtempSync(path.join(tmpdir(), 'mk-edit-test-'));
  const script = path.join(dir, 'editor.sh');
  const cases = steps.map((s, i) => `  ${i + 1}) ${s} ;;`).join('\n');
  writeFileSync(
    script,
    `#!/bin/sh\nn=$(cat "${dir}/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${dir}/count"\ncp "$1" "${dir}/shown-$n"\ncase $n in\n${cases}\nesac\n`,
  );
  chmodSync(script, 0o755);
  process.env.KUBE_EDITOR = script;
}

const shown = (n: number) => readFileSync(path.join(dir, `shown-${n}`), 'utf8');

describe('mk edit', () => {
  it('opens the object under kubectl\'s header and PATCHes the strategic merge diff', async () => {
    editor(`sed -i 's/replicas: 2/replicas: 3/' "$1"`);
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    cli.client.on('PATCH', DEPLOY, { ...web, spec: { replicas: 3 } });
    await cli.run('edit', 'deployment/web');
    expect(shown(1).startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    expect(shown(1)).not.toContain('managedFields');
    expect(cli.client.requests[1]).toMatchObject({
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      query: { fieldManager: 'kubectl-edit', fieldValidation: 'Strict' },
      body: { spec: { replicas: 3 } },
    });
    expect(cli.stdout()).toBe('deployment.apps/web edited\n');
  });

  it('edits JSON without the header and prints the result as JSON with -o json', async () => {
    editor(`sed -i 's/"replicas": 2/"replicas": 5/' "$1"`);
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    cli.client.on('PATCH', DEPLOY, { ...web, spec: { replicas: 5 } });
    await cli.run('edit', 'deploy/web', '-o', 'json');
    expect(shown(1).startsWith('{\n    "apiVersion": "apps/v1",')).toBe(true);
    expect(cli.client.requests[1]!.body).toEqual({ spec: { replicas: 5 } });
    expect(JSON.parse(cli.stdout())).toMatchObject({ kind: 'Deployment', spec: { replicas: 5 } });
  });

  it('re-opens a file that no longer parses, reporting it as invalid like kubectl', async () => {
    editor(`sed -i 's/replicas: 2/replicas: [/' "$1"`, 'true');
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    await expect(cli.run('edit', 'deploy/web')).rejects.toThrow('Edit cancelled, no valid changes were saved.');
    expect(shown(2)).toMatch(/# deployments\.apps "web" was not valid:\n# \* <nil>: Invalid value: "The edited file failed validation": yaml: line \d+: /);
    expect(cli.stderr()).toMatch(/^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to ".*"\n$/);
    expect(cli.client.calls()).toEqual([`GET ${DEPLOY}`]);
  });

  it('cancels when nothing changed', async () => {
    editor('true');
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    await cli.run('edit', 'deploy', 'web');
    expect(cli.stderr()).toBe('Edit cancelled, no changes made.\n');
    expect(cli.client.calls()).toEqual([`GET ${DEPLOY}`]);
  });

  it('cancels when the file was emptied', async () => {
    editor(`: > "$1"`);
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    await cli.run('edit', 'deploy/web');
    expect(cli.stderr()).toBe('Edit cancelled, saved file was empty.\n');
  });

  it('re-opens the file with the reasons when the server finds the edit invalid', async () => {
    editor(`sed -i 's/replicas: 2/replicas: -1/' "$1"`, `sed -i 's/replicas: -1/replicas: 4/' "$1"`);
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    cli.client.on(
      'PATCH',
      DEPLOY,
      () => {
        throw statusError(422, 'Invalid', 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0', {
          name: 'web',
          kind: 'Deployment',
          causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' }],
        });
      },
      { ...web, spec: { replicas: 4 } },
    );
    await cli.run('edit', 'deploy/web');
    expect(cli.stderr()).toBe('error: deployments.apps "web" is invalid\n');
    expect(shown(2)).toContain(
      '#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n',
    );
    expect(shown(2)).toContain('replicas: -1');
    expect(cli.client.requests[2]!.body).toEqual({ spec: { replicas: 4 } });
    expect(cli.stdout()).toBe('deployment.apps/web edited\n');
  });

  it('refuses edits that rename the object', async () => {
    editor(`sed -i 's/name: web/name: other/' "$1"`);
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    await expect(cli.run('edit', 'deploy/web')).rejects.toThrow('At least one of apiVersion, kind and name was changed');
    expect(cli.stderr()).toMatch(/^A copy of your changes has been stored to ".*mk-edit-.*\.yaml"\n$/);
  });
});
