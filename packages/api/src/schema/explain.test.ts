import { describe, expect, it } from 'vitest';
import { explainFieldPath, explainLines } from './explain';
import { openApiV3Document } from './openapi-document';
import type { OpenApiDocument } from './types';

const core = openApiV3Document('', 'v1', [{ kind: 'Pod', plural: 'pods', namespaced: true, subresources: ['status'] }]);
const apps = openApiV3Document('apps', 'v1', [
  { kind: 'Deployment', plural: 'deployments', namespaced: true, subresources: ['status', 'scale'] },
]);

// Expected texts were printed by the real kubectl 1.32 explain against these documents.
describe('explainLines', () => {
  it('renders a kind like kubectl explain pods', () => {
    const r = explainLines(core, '', 'v1', 'Pod', []);
    expect(r.error).toBeUndefined();
    expect(r.lines).toEqual([
      'KIND:       Pod',
      'VERSION:    v1',
      '',
      'DESCRIPTION:',
      '    Pod is a collection of containers that can run on a host. This resource is',
      '    created by clients and scheduled onto hosts.',
      '    ',
      'FIELDS:',
      '  apiVersion\t<string>',
      '    APIVersion defines the versioned schema of this representation of an object.',
      '    Servers should convert recognized schemas to the latest internal value, and',
      '    may reject unrecognized values. More info:',
      '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
      '',
      '  kind\t<string>',
      '    Kind is a string value representing the REST resource this object',
      '    represents. Servers may infer this from the endpoint the client submits',
      '    requests to. Cannot be updated. In CamelCase. More info:',
      '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      '',
      '  metadata\t<ObjectMeta>',
      "    Standard object's metadata. More info:",
      '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
      '',
      '  spec\t<PodSpec>',
      '    Specification of the desired behavior of the pod. More info:',
      '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      '',
      '  status\t<PodStatus>',
      '    Most recently observed status of the pod. This data may not be up to date.',
      '    Populated by the system. Read-only. More info:',
      '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      '',
      '',
    ]);
  });

  it('renders a field of a named group like kubectl explain deployments.spec.strategy', () => {
    const r = explainLines(apps, 'apps', 'v1', 'Deployment', ['spec', 'strategy']);
    expect(r.lines).toEqual([
      'GROUP:      apps',
      'KIND:       Deployment',
      'VERSION:    v1',
      '',
      'FIELD: strategy <DeploymentStrategy>',
      '',
      '',
      'DESCRIPTION:',
      '    The deployment strategy to use to replace existing pods with new ones.',
      '    DeploymentStrategy describes how to replace existing pods with new ones.',
      '    ',
      'FIELDS:',
      '  rollingUpdate\t<RollingUpdateDeployment>',
      '    Rolling update config params. Present only if DeploymentStrategyType =',
      '    RollingUpdate.',
      '',
      '  type\t<string>',
      '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
      '    RollingUpdate.',
      '',
      '',
    ]);
  });

  it('walks through arrays: pods.spec.containers lists Container fields with -required-', () => {
    const { lines, error } = explainLines(core, '', 'v1', 'Pod', ['spec', 'containers']);
    expect(error).toBeUndefined();
    expect(lines.slice(0, 12)).toEqual([
      'KIND:       Pod',
      'VERSION:    v1',
      '',
      'FIELD: containers <[]Container>',
      '',
      '',
      'DESCRIPTION:',
      '    List of containers belonging to the pod. Containers cannot currently be',
      '    added or removed. There must be at least one container in a Pod. Cannot be',
      '    updated.',
      '    A single application container that you want to run within a pod.',
      '    ',
    ]);
    expect(lines).toContain('  name\t<string> -required-');
    expect(lines).toContain('  env\t<[]EnvVar>');
    expect(lines).toContain('  resources\t<ResourceRequirements>');
    const fieldNames = lines.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split('\t')[0]);
    expect(fieldNames).toEqual([...fieldNames].sort());
  });

  it('shows named scalar types the way kubectl does', () => {
    const limits = explainLines(core, '', 'v1', 'Pod', ['spec', 'containers', 'resources', 'limits']).lines;
    expect(limits).toContain('FIELD: limits <map[string]Quantity>');
    expect(explainLines(core, '', 'v1', 'Pod', ['metadata', 'creationTimestamp']).lines).toContain('FIELD: creationTimestamp <string>');
    expect(explainLines(apps, 'apps', 'v1', 'Deployment', ['spec', 'strategy', 'rollingUpdate']).lines).toContain('  maxSurge\t<IntOrString>');
    expect(explainLines(core, '', 'v1', 'Pod', ['metadata', 'labels']).lines).toContain('FIELD: labels <map[string]string>');
  });

  it('prints a tree without descriptions with recursive', () => {
    const r = explainLines(apps, 'apps', 'v1', 'Deployment', ['spec', 'strategy'], { recursive: true });
    expect(r.lines.slice(11)).toEqual([
      'FIELDS:',
      '  rollingUpdate\t<RollingUpdateDeployment>',
      '    maxSurge\t<IntOrString>',
      '    maxUnavailable\t<IntOrString>',
      '  type\t<string>',
      '',
    ]);
  });

  it('stops recursion at schemas already on the path (JSON schema props are cyclic upstream)', () => {
    const doc: OpenApiDocument = {
      openapi: '3.0.0',
      info: { title: 't', version: 'v' },
      paths: {},
      components: {
        schemas: {
          'x.Node': {
            type: 'object',
            properties: { child: { $ref: '#/components/schemas/x.Node' }, name: { type: 'string' } },
            'x-kubernetes-group-version-kind': [{ group: 'x', version: 'v1', kind: 'Node' }],
          },
        },
      },
    };
    const r = explainLines(doc, 'x', 'v1', 'Node', [], { recursive: true });
    expect(r.lines.slice(r.lines.indexOf('FIELDS:'))).toEqual(['FIELDS:', '  child\t<Node>', '    child\t<Node>', '    name\t<string>', '  name\t<string>', '']);
  });

  it('lists enums: ENUM block under FIELD, at most four values in a field list', () => {
    const doc: OpenApiDocument = {
      openapi: '3.0.0',
      info: { title: 't', version: 'v' },
      paths: {},
      components: {
        schemas: {
          'x.Thing': {
            type: 'object',
            properties: {
              mode: { description: 'Mode.', type: 'string', enum: ['', 'A', 'B', 'C', 'D', 'E'] },
              kind: { type: 'string', enum: ['X', 'Y'] },
            },
            'x-kubernetes-group-version-kind': [{ group: 'x', version: 'v1', kind: 'Thing' }],
          },
        },
      },
    };
    const list = explainLines(doc, 'x', 'v1', 'Thing', []).lines;
    expect(list).toContain('  enum: "", A, B, C, ....');
    expect(list.slice(list.indexOf('  kind\t<string>'), list.indexOf('  kind\t<string>') + 3)).toEqual([
      '  kind\t<string>',
      '  enum: X, Y',
      '    <no description>',
    ]);
    const field = explainLines(doc, 'x', 'v1', 'Thing', ['kind']).lines;
    expect(field.slice(4, 9)).toEqual(['FIELD: kind <string>', 'ENUM:', '    X', '    Y', '']);
  });

  it('reports a missing field by the last element of the path, after the header', () => {
    expect(explainLines(core, '', 'v1', 'Pod', ['spec', 'nope', 'deeper'])).toEqual({
      lines: ['KIND:       Pod', 'VERSION:    v1', ''],
      error: 'field "deeper" does not exist',
    });
    expect(explainLines(core, '', 'v1', 'Pod', ['metadata', 'labels', 'app']).error).toBe('field "app" does not exist');
  });

  it('reports a kind missing from the document', () => {
    expect(explainLines(apps, 'apps', 'v1', 'StatefulSet', []).error).toBe(
      'GVK map[group:apps kind:StatefulSet version:v1] not found in OpenAPI schema',
    );
    expect(explainLines(core, '', 'v1', 'Service', []).error).toBe('GVK map[group: kind:Service version:v1] not found in OpenAPI schema');
  });
});

describe('explainFieldPath', () => {
  it('splits resource and field path, with or without the group', () => {
    expect(explainFieldPath('pods', 'pods', '')).toEqual([]);
    expect(explainFieldPath('pods.spec.containers', 'pods', '')).toEqual(['spec', 'containers']);
    expect(explainFieldPath('deployments.apps.spec.strategy', 'deployments', 'apps')).toEqual(['spec', 'strategy']);
    expect(explainFieldPath('deploy.spec.', 'deployments', 'apps')).toEqual(['spec']);
    expect(explainFieldPath('ingresses.networking.k8s.io', 'ingresses', 'networking.k8s.io')).toEqual([]);
  });
});
