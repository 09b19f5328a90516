/**
 * The `paths` of a group version's OpenAPI v3 document, shaped like upstream's: per kind the namespaced
 * and cluster-wide collection and item paths and the subresource paths, each operation carrying
 * `x-kubernetes-action` and `x-kubernetes-group-version-kind`.
 *
 * What clients read from them:
 * - kubectl's field-validation probe looks for a `patch` operation with the kind's GVK and a
 *   `fieldValidation` query parameter. Every PATCH of a GVK must have it (kubectl checks whichever
 *   it meets first), and no PATCH has a `requestBody`: without one kubectl computes strategic merge
 *   patches from its compiled-in types, which carry the right merge keys.
 * - `kubectl explain` finds a resource's GVK on its collection or item path.
 */
import type { GroupVersionKind, OpenApiKind, OpenApiOperation, OpenApiParameter, OpenApiPathItem, OpenApiSchema } from './types';

/** How an operation refers to the schemas it sends and returns; undefined means no schema is known. */
export interface PathSchemaRefs {
  /** Definition name of a kind's schema (and of `${kind}List`), by GVK. */
  schemaFor(gvk: GroupVersionKind, list?: boolean): string | undefined;
  status: string;
  deleteOptions: string;
}

const query = (name: string, type: 'string' | 'integer' | 'boolean'): OpenApiParameter => ({
  name,
  in: 'query',
  schema: { type, uniqueItems: true },
});
const pathParam = (name: string): OpenApiParameter => ({ name, in: 'path', required: true, schema: { type: 'string', uniqueItems: true } });

const LIST_PARAMS = [
  query('allowWatchBookmarks', 'boolean'),
  query('continue', 'string'),
  query('fieldSelector', 'string'),
  query('labelSelector', 'string'),
  query('limit', 'integer'),
  query('resourceVersion', 'string'),
  query('resourceVersionMatch', 'string'),
  query('sendInitialEvents', 'boolean'),
  query('timeoutSeconds', 'integer'),
  query('watch', 'boolean'),
];
const WRITE_PARAMS = [query('dryRun', 'string'), query('fieldManager', 'string'), query('fieldValidation', 'string')];
const PATCH_PARAMS = [...WRITE_PARAMS, query('force', 'boolean')];
const DELETE_PARAMS = [
  query('dryRun', 'string'),
  query('gracePeriodSeconds', 'integer'),
  query('orphanDependents', 'boolean'),
  query('propagationPolicy', 'string'),
];
const ALL_VERBS = ['get', 'list', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/** GVKs of the subresources whose request or response is not the parent kind. */
export const SUBRESOURCE_KINDS: Record<string, GroupVersionKind> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  exec: { group: '', version: 'v1', kind: 'PodExecOptions' },
  attach: { group: '', version: 'v1', kind: 'PodAttachOptions' },
  portforward: { group: '', version: 'v1', kind: 'PodPortForwardOptions' },
};

/** The paths of one group version. */
export function groupVersionPaths(
  group: string,
  version: string,
  kinds: OpenApiKind[],
  refs: PathSchemaRefs,
): Record<string, OpenApiPathItem> {
  const paths: Record<string, OpenApiPathItem> = {};
  const ctx = new OperationFactory(group, version, refs);
  for (const k of kinds) {
    const gvk = { group, version, kind: k.kind };
    const verbs = new Set(k.verbs ?? ALL_VERBS);
    const ns = k.namespaced ? 'Namespaced' : '';
    const base = k.namespaced ? `${ctx.prefix}/namespaces/{namespace}/${k.plural}` : `${ctx.prefix}/${k.plural}`;
    const scope = k.namespaced ? [pathParam('namespace')] : [];
    const itemScope = [pathParam('name'), ...scope];

    const collection: OpenApiPathItem = {};
    if (verbs.has('list')) collection.get = ctx.list(gvk, `${ns}${k.kind}`);
    if (verbs.has('create')) collection.post = ctx.create(`${ns}${k.kind}`, gvk);
    if (verbs.has('deletecollection')) collection.delete = ctx.deleteCollection(gvk, `${ns}${k.kind}`);
    addPath(paths, base, scope, collection);

    const item: OpenApiPathItem = {};
    if (verbs.has('get')) item.get = ctx.read(gvk, `${ns}${k.kind}`, gvk);
    if (verbs.has('update')) item.put = ctx.replace(gvk, `${ns}${k.kind}`, gvk);
    if (verbs.has('patch')) item.patch = ctx.patch(gvk, `${ns}${k.kind}`, gvk);
    if (verbs.has('delete')) item.delete = ctx.delete(gvk, `${ns}${k.kind}`);
    addPath(paths, `${base}/{name}`, itemScope, item);

    if (k.namespaced && verbs.has('list')) {
      addPath(paths, `${ctx.prefix}/${k.plural}`, [], { get: ctx.list(gvk, `${k.kind}ForAllNamespaces`) });
    }
    for (const sub of k.subresources) {
      addPath(paths, `${base}/{name}/${sub}`, itemScope, ctx.subresource(gvk, ns, sub));
    }
  }
  return paths;
}

function addPath(paths: Record<string, OpenApiPathItem>, path: string, params: OpenApiParameter[], item: OpenApiPathItem) {
  if (!item.get && !item.post && !item.put && !item.patch && !item.delete) return;
  paths[path] = params.length ? { ...item, parameters: params } : item;
}

/** Builds operations with upstream's ids (`patchAppsV1NamespacedDeploymentStatus`), tags and responses. */
class OperationFactory {
  readonly prefix: string;
  private readonly idInfix: string;
  private readonly tag: string;

  constructor(group: string, version: string, private readonly refs: PathSchemaRefs) {
    this.prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const words = (group ? group.replace(/\.k8s\.io$/, '') : 'core').split('.');
    const groupWord = words.map((w, i) => (i === 0 ? w : capitalize(w))).join('');
    this.tag = `${groupWord}_${version}`;
    this.idInfix = `${capitalize(groupWord)}${capitalize(version)}`;
  }

  list(gvk: GroupVersionKind, name: string): OpenApiOperation {
    return this.op(`list ${gvk.kind}`, `list${this.idInfix}${name}`, 'list', gvk, LIST_PARAMS, {
      '200': this.json('OK', this.ref(gvk, true)),
    });
  }

  create(name: string, body: GroupVersionKind): OpenApiOperation {
    const schema = this.ref(body);
    return this.op(`create ${article(body.kind)}`, `create${this.idInfix}${name}`, 'post', body, WRITE_PARAMS, {
      '200': this.json('OK', schema),
      '201': this.json('Created', schema),
      '202': this.json('Accepted', schema),
    }, schema);
  }

  read(owner: GroupVersionKind, name: string, gvk: GroupVersionKind, what = `the specified ${owner.kind}`): OpenApiOperation {
    return this.op(`read ${what}`, `read${this.idInfix}${name}`, 'get', gvk, [], { '200': this.json('OK', this.ref(gvk)) });
  }

  replace(owner: GroupVersionKind, name: string, gvk: GroupVersionKind, what = `the specified ${owner.kind}`): OpenApiOperation {
    const schema = this.ref(gvk);
    return this.op(`replace ${what}`, `replace${this.idInfix}${name}`, 'put', gvk, WRITE_PARAMS, {
      '200': this.json('OK', schema),
      '201': this.json('Created', schema),
    }, schema);
  }

  patch(owner: GroupVersionKind, name: string, gvk: GroupVersionKind, what = `the specified ${owner.kind}`): OpenApiOperation {
    const schema = this.ref(gvk);
    return this.op(`partially update ${what}`, `patch${this.idInfix}${name}`, 'patch', gvk, PATCH_PARAMS, {
      '200': this.json('OK', schema),
      '201': this.json('Created', schema),
    });
  }

  delete(gvk: GroupVersionKind, name: string): OpenApiOperation {
    const status = this.named(this.refs.status);
    return this.op(`delete ${article(gvk.kind)}`, `delete${this.idInfix}${name}`, 'delete', gvk, DELETE_PARAMS, {
      '200': this.json('OK', status),
      '202': this.json('Accepted', status),
    }, this.named(this.refs.deleteOptions));
  }

  deleteCollection(gvk: GroupVersionKind, name: string): OpenApiOperation {
    return this.op(`delete collection of ${gvk.kind}`, `delete${this.idInfix}Collection${name}`, 'deletecollection', gvk,
      [...LIST_PARAMS, ...DELETE_PARAMS], { '200': this.json('OK', this.named(this.refs.status)) }, this.named(this.refs.deleteOptions));
  }

  subresource(owner: GroupVersionKind, ns: string, sub: string): OpenApiPathItem {
    const name = `${ns}${owner.kind}${capitalize(sub)}`;
    const what = `${sub} of the specified ${owner.kind}`;
    const gvk = SUBRESOURCE_KINDS[sub] ?? owner;
    switch (sub) {
      case 'status':
      case 'scale':
        return { get: this.read(owner, name, gvk, what), put: this.replace(owner, name, gvk, what), patch: this.patch(owner, name, gvk, what) };
      case 'binding':
      case 'eviction':
        return { post: this.create(name, gvk) };
      case 'log':
        return { get: this.op(`read log of the specified ${owner.kind}`, `read${this.idInfix}${name}`, 'get', owner, [], this.text()) };
      default: // exec, attach, portforward: connections upgraded to streams
        return {
          get: this.op(`connect GET requests to ${sub} of ${owner.kind}`, `connect${this.idInfix}Get${name}`, 'connect', gvk, [], this.text()),
          post: this.op(`connect POST requests to ${sub} of ${owner.kind}`, `connect${this.idInfix}Post${name}`, 'connect', gvk, [], this.text()),
        };
    }
  }

  private op(
    description: string,
    operationId: string,
    action: string,
    gvk: GroupVersionKind,
    parameters: OpenApiParameter[],
    responses: OpenApiOperation['responses'],
    body?: OpenApiSchema,
  ): OpenApiOperation {
    return {
      description,
      operationId,
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { content: { '*/*': { schema: body } }, required: true } } : {}),
      responses: { ...responses, '401': { description: 'Unauthorized' } },
      tags: [this.tag],
      'x-kubernetes-action': action,
      // Key order group, kind, version as upstream; kubectl compares these maps by value.
      'x-kubernetes-group-version-kind': { group: gvk.group, kind: gvk.kind, version: gvk.version },
    };
  }

  private json(description: string, schema: OpenApiSchema) {
    return { description, content: { 'application/json': { schema } } };
  }

  private text(): OpenApiOperation['responses'] {
    return { '200': { description: 'OK', content: { '*/*': { schema: { type: 'string' } } } } };
  }

  private ref(gvk: GroupVersionKind, list = false): OpenApiSchema {
    return this.named(this.refs.schemaFor(gvk, list));
  }

  private named(name: string | undefined): OpenApiSchema {
    return name ? { $ref: `#/components/schemas/${name}` } : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const article = (kind: string) => (/^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`);
