#!/usr/bin/env node
// Generates packages/api/src/schema/k8s-schema.json: the OpenAPI schemas of every type reachable from the
// kinds mk serves, under upstream's definition names (io.k8s.api.core.v1.Pod, ...).
//
// Source of truth for the structure (fields, JSON names, types, required) is the generated models of
// @kubernetes/client-node (attributeTypeMap in *.js, doc comments and `?` in *.d.ts). That generator loses
// a few things upstream's OpenAPI has, which we recover from kubernetes-types (also generated from the
// upstream OpenAPI, an older release):
//   - the Go package of each type, needed for upstream's definition names;
//   - descriptions of fields whose type is another schema (client-node drops them, or copies the
//     referenced type's description instead);
//   - the named scalar types Quantity, Time/MicroTime, RawExtension and FieldsV1 (client-node flattens
//     them to string, Date and any);
//   - line breaks inside descriptions (client-node collapses them to spaces), used only when the text is
//     otherwise identical.
// Neither source carries enum lists or patch-strategy annotations, so the output has none.
//
// Usage: node scripts/gen-schema.mjs           rewrites the JSON file (commit the result)
//        node scripts/gen-schema.mjs --check   exits 1 if the committed file is stale
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clientNodeDir = join(root, 'node_modules/@kubernetes/client-node');
const modelsDir = join(clientNodeDir, 'dist/gen/models');
const typesDir = join(root, 'node_modules/kubernetes-types');
const outFile = join(root, 'packages/api/src/schema/k8s-schema.json');

/** Every kind mk serves: [API group, version, kind, client-node model]. Lists are added automatically. */
const KINDS = [
  ['', 'v1', 'Namespace', 'V1Namespace'],
  ['', 'v1', 'Node', 'V1Node'],
  ['', 'v1', 'Pod', 'V1Pod'],
  ['', 'v1', 'Service', 'V1Service'],
  ['', 'v1', 'Endpoints', 'V1Endpoints'],
  ['', 'v1', 'ConfigMap', 'V1ConfigMap'],
  ['', 'v1', 'Secret', 'V1Secret'],
  ['', 'v1', 'Event', 'CoreV1Event'],
  ['', 'v1', 'ServiceAccount', 'V1ServiceAccount'],
  ['', 'v1', 'ReplicationController', 'V1ReplicationController'],
  ['', 'v1', 'PersistentVolumeClaim', 'V1PersistentVolumeClaim'],
  ['', 'v1', 'PersistentVolume', 'V1PersistentVolume'],
  ['', 'v1', 'Binding', 'V1Binding', { noList: true }],
  ['events.k8s.io', 'v1', 'Event', 'EventsV1Event'],
  ['coordination.k8s.io', 'v1', 'Lease', 'V1Lease'],
  ['apps', 'v1', 'ReplicaSet', 'V1ReplicaSet'],
  ['apps', 'v1', 'Deployment', 'V1Deployment'],
  ['apps', 'v1', 'StatefulSet', 'V1StatefulSet'],
  ['apps', 'v1', 'DaemonSet', 'V1DaemonSet'],
  ['apps', 'v1', 'ControllerRevision', 'V1ControllerRevision'],
  ['batch', 'v1', 'Job', 'V1Job'],
  ['batch', 'v1', 'CronJob', 'V1CronJob'],
  ['networking.k8s.io', 'v1', 'Ingress', 'V1Ingress'],
  ['networking.k8s.io', 'v1', 'IngressClass', 'V1IngressClass'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'V2HorizontalPodAutoscaler'],
  ['autoscaling', 'v1', 'Scale', 'V1Scale', { noList: true }],
  ['policy', 'v1', 'PodDisruptionBudget', 'V1PodDisruptionBudget'],
  ['policy', 'v1', 'Eviction', 'V1Eviction', { noList: true }],
];

/** meta/v1 types the API server answers with besides the kinds (GVK-less, as served by every group). */
const EXTRA_MODELS = ['V1Status', 'V1DeleteOptions'];

/** Go packages of named types outside k8s.io/api; kubernetes-types folder → OpenAPI name prefix. */
const PACKAGE_PREFIX = {
  meta: 'io.k8s.apimachinery.pkg.apis.meta',
};

/** The named scalar and free-form schemas, under upstream's names, with upstream's shapes. */
const SPECIAL = {
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
};

// ---------------------------------------------------------------------------------------------------------
// Doc-comment parsing shared by both sources.

/** Body of a `/** ... *\/` block → text: `* ` prefixes stripped, lines kept, outer blank lines dropped. */
function commentText(lines) {
  const body = lines
    .map((l) => l.replace(/^\s*\/\*\*\s?/, '').replace(/\s*\*\/\s*$/, ''))
    .map((l) => l.replace(/^\s*\* ?/, ''));
  while (body.length && body[0].trim() === '') body.shift();
  while (body.length && body[body.length - 1].trim() === '') body.pop();
  return body.join('\n');
}

/** client-node escapes quotes and slashes in its comments (`\'`, `\"`, `*\/`). */
const unescapeClientNode = (s) => s.replace(/\\(.)/g, '$1');

const normalize = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Parses declarations of a generated .d.ts: `export (declare class|interface) Name {` with members
 * `name?: type;` and `export type Name = ...;`, each with its preceding doc comment.
 */
function parseDeclarations(text) {
  const decls = new Map();
  const lines = text.split('\n');
  let comment = null;
  let open = null; // collecting a doc comment
  let current = null;
  let member = null; // member whose type spans several lines
  for (const line of lines) {
    if (open) {
      open.push(line);
      if (line.includes('*/')) {
        comment = commentText(open);
        open = null;
      }
      continue;
    }
    if (/^\s*\/\*\*/.test(line)) {
      if (line.includes('*/')) comment = commentText([line]);
      else open = [line];
      continue;
    }
    if (member) {
      member.type += ' ' + line.trim();
      if (/^\s{4}\};?\s*$/.test(line)) member = null;
      continue;
    }
    const decl = /^export (?:declare class|interface) (\w+)/.exec(line);
    if (decl) {
      current = { name: decl[1], description: comment ?? '', props: new Map() };
      decls.set(current.name, current);
      comment = null;
      continue;
    }
    const alias = /^export type (\w+) = (.*);/.exec(line);
    if (alias) {
      decls.set(alias[1], { name: alias[1], description: comment ?? '', alias: alias[2], props: new Map() });
      comment = null;
      continue;
    }
    const prop = current && /^ {4}(?:readonly )?'?([\w$-]+)'?(\??): (.*?);?$/.exec(line);
    if (prop && !line.includes('static ')) {
      const entry = { description: comment ?? '', required: prop[2] !== '?', type: prop[3] };
      current.props.set(prop[1], entry);
      if (prop[3].endsWith('{')) member = entry;
      comment = null;
      continue;
    }
    if (/^\S/.test(line)) current = null;
    comment = null;
  }
  return decls;
}

// ---------------------------------------------------------------------------------------------------------
// kubernetes-types: where each type lives, and the details client-node lost.

/** kubernetes-types folder/version → Map(name → declaration). */
const kt = new Map();
for (const group of readdirSync(typesDir, { withFileTypes: true })) {
  if (!group.isDirectory()) continue;
  for (const file of readdirSync(join(typesDir, group.name))) {
    if (!file.endsWith('.d.ts')) continue;
    const version = file.replace(/\.d\.ts$/, '');
    kt.set(`${group.name}/${version}`, parseDeclarations(readFileSync(join(typesDir, group.name, file), 'utf8')));
  }
}
const ktSpecial = {
  Quantity: parseDeclarations(readFileSync(join(typesDir, 'api/resource.d.ts'), 'utf8')).get('Quantity'),
  RawExtension: parseDeclarations(readFileSync(join(typesDir, 'runtime.d.ts'), 'utf8')).get('RawExtension'),
  Time: kt.get('meta/v1').get('Time'),
  MicroTime: kt.get('meta/v1').get('MicroTime'),
  FieldsV1: kt.get('meta/v1').get('FieldsV1'),
};

// ---------------------------------------------------------------------------------------------------------
// client-node models.

const modelCache = new Map();
async function loadModel(name) {
  if (modelCache.has(name)) return modelCache.get(name);
  const js = join(modelsDir, `${name}.js`);
  if (!existsSync(js)) throw new Error(`client-node has no model ${name}`);
  const mod = await import(pathToFileURL(js).href);
  const decl = parseDeclarations(readFileSync(join(modelsDir, `${name}.d.ts`), 'utf8')).get(name);
  const model = { name, attributes: mod[name].attributeTypeMap, decl };
  modelCache.set(name, model);
  return model;
}

/** `V1PodSpec` → { prefix: '', version: 'v1', bare: 'PodSpec' }; `EventsV1Event` → prefix 'events'. */
function splitModelName(name) {
  const m = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(name);
  if (!m) throw new Error(`unexpected model name ${name}`);
  return { prefix: (m[1] ?? '').toLowerCase(), version: m[2].toLowerCase(), bare: m[3] };
}

/** kubernetes-types folders whose <version>.d.ts declares `bare`. */
function ktLocations(version, bare) {
  const found = [];
  for (const [key, decls] of kt) {
    const [group, v] = key.split('/');
    if (v === version && decls.has(bare) && !decls.get(bare).alias) found.push(group);
  }
  return found;
}

/**
 * Resolves a client-node model to its Go package (kubernetes-types folder) and upstream definition name.
 * Types newer than kubernetes-types are placed in the package of the type that first referenced them:
 * upstream keeps helper types next to their users, and the resulting names are printed for review.
 */
const placement = new Map();
const guessed = [];
function place(modelName, referrerFolder) {
  if (placement.has(modelName)) return placement.get(modelName);
  const { prefix, version, bare } = splitModelName(modelName);
  let folder = prefix || null;
  if (!folder) {
    const found = ktLocations(version, bare);
    if (found.length === 1) folder = found[0];
    else if (found.length > 1 && referrerFolder && found.includes(referrerFolder)) folder = referrerFolder;
    else if (found.length > 1) throw new Error(`${modelName} is ambiguous: ${found.join(', ')}`);
    else {
      if (!referrerFolder) throw new Error(`cannot place ${modelName}`);
      folder = referrerFolder;
      guessed.push(`${modelName} → ${folder}`);
    }
  }
  const pkg = PACKAGE_PREFIX[folder] ?? `io.k8s.api.${folder}`;
  const result = { folder, version, bare, definition: `${pkg}.${version}.${bare}`, ktDecl: kt.get(`${folder}/${version}`)?.get(bare) };
  placement.set(modelName, result);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Conversion of one attribute type to a compact OpenAPI schema. Refs are bare definition names here; the
// API package expands them to `#/components/schemas/...` (wrapped in allOf when a description sits next
// to them, as upstream's v3 documents do).

const schemas = {};
const queue = [];

function refTo(modelName, referrerFolder) {
  const placed = place(modelName, referrerFolder);
  if (!(placed.definition in schemas)) {
    schemas[placed.definition] = null; // reserved; filled when dequeued
    queue.push(modelName);
  }
  return { $ref: placed.definition };
}

function special(name) {
  const def = SPECIAL[name];
  if (!(def in schemas)) {
    const description = name === 'IntOrString' ? intOrStringDescription : ktSpecial[name].description;
    schemas[def] = specialSchema(name, description);
  }
  return { $ref: def };
}

function specialSchema(name, description) {
  switch (name) {
    case 'Quantity':
      return { description, oneOf: [{ type: 'string' }, { type: 'number' }] };
    case 'IntOrString':
      return { description, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'Time':
    case 'MicroTime':
      return { description, type: 'string', format: 'date-time' };
    default: // RawExtension, FieldsV1: free-form objects
      return { description, type: 'object' };
  }
}

let intOrStringDescription = '';

/** Which named type kubernetes-types declares for a field (`Quantity`, `{[name: string]: Quantity}`, ...). */
function ktNamedType(ktType) {
  if (!ktType) return null;
  const m = /\b(Quantity|MicroTime|Time|RawExtension|FieldsV1)\b/.exec(ktType);
  return m ? m[1] : null;
}

function convertType(type, format, ktType, folder) {
  const array = /^Array<(.*)>$/.exec(type);
  if (array) return { type: 'array', items: convertType(array[1], format, ktType, folder) };
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: convertType(map[1], format, ktType, folder) };
  const named = ktNamedType(ktType);
  switch (type) {
    case 'string':
      if (named === 'Quantity') return special('Quantity');
      return format ? { type: 'string', format } : { type: 'string' };
    case 'number':
      if (format === 'int32' || format === 'int64') return { type: 'integer', format };
      return format ? { type: 'number', format } : { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'Date':
      return special(named === 'MicroTime' ? 'MicroTime' : 'Time');
    case 'V1MicroTime': // client-node's name for metav1.MicroTime (format date-time-micro)
      return special('MicroTime');
    case 'IntOrString':
      return special('IntOrString');
    case 'any':
    case 'object':
      if (named === 'RawExtension' || named === 'FieldsV1') return special(named);
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    default:
      return refTo(type, folder);
  }
}

const isRefType = (type) => !/^(string|number|boolean|Date|any|object)$/.test(type) && !/^(Array<|\{ \[)/.test(type);

async function convertModel(modelName) {
  const model = await loadModel(modelName);
  const placed = placement.get(modelName);
  const ktDecl = placed.ktDecl;
  const schema = { description: pickDescription(model.decl.description, ktDecl?.description, false), type: 'object' };
  const properties = {};
  const required = [];
  for (const attr of model.attributes) {
    const cn = model.decl.props.get(attr.name);
    const ktProp = ktDecl?.props.get(attr.baseName);
    const prop = convertType(attr.type, attr.format, ktProp?.type, placed.folder);
    const description = pickDescription(cn?.description, ktProp?.description, isRefType(attr.type));
    // Key order mirrors upstream documents: description first, then the type.
    properties[attr.baseName] = description ? { description, ...prop } : prop;
    if (cn?.required) required.push(attr.baseName);
  }
  if (Object.keys(properties).length) schema.properties = properties;
  if (required.length) schema.required = required;
  if (!schema.description) delete schema.description;
  return schema;
}

/**
 * client-node's text is current but flattened; kubernetes-types keeps upstream's line breaks. For fields
 * typed by another schema client-node's comment is not the field's own, so only kubernetes-types counts.
 */
function pickDescription(clientNode, kubernetesTypes, refTyped) {
  const cn = clientNode ? unescapeClientNode(clientNode) : '';
  const ktText = kubernetesTypes ?? '';
  if (refTyped) return ktText;
  if (ktText && normalize(ktText) === normalize(cn)) return ktText;
  return cn || ktText;
}

// ---------------------------------------------------------------------------------------------------------

const rollingUpdate = await loadModel('V1RollingUpdateDeployment');
intOrStringDescription = unescapeClientNode(rollingUpdate.decl.props.get('maxSurge').description);

const kinds = [];
for (const [group, version, kind, model, opts] of KINDS) {
  const folder = model.startsWith('EventsV1') ? 'events' : null;
  const schema = refTo(model, folder).$ref;
  const entry = { group, version, kind, schema };
  if (!opts?.noList) entry.list = refTo(`${model}List`, placement.get(model).folder).$ref;
  kinds.push(entry);
}
for (const model of EXTRA_MODELS) refTo(model, 'meta');

while (queue.length) {
  const modelName = queue.shift();
  schemas[placement.get(modelName).definition] = await convertModel(modelName);
}

const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));

// Descriptions used more than once (apiVersion, kind, metadata of every kind; Container fields repeated in
// EphemeralContainer; ...) are stored once in `texts` and referenced by index.
const uses = new Map();
const described = Object.values(sorted).flatMap((s) => [s, ...Object.values(s.properties ?? {})]);
for (const s of described) if (s.description) uses.set(s.description, (uses.get(s.description) ?? 0) + 1);
const texts = [...uses].filter(([, n]) => n > 1).map(([t]) => t);
const textIndex = new Map(texts.map((t, i) => [t, i]));
for (const s of described) if (textIndex.has(s.description)) s.description = textIndex.get(s.description);
const clientNodeVersion = JSON.parse(readFileSync(join(clientNodeDir, 'package.json'), 'utf8')).version;
const ktVersion = JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version;
const header = {
  generatedBy: 'scripts/gen-schema.mjs',
  sources: `@kubernetes/client-node ${clientNodeVersion}, kubernetes-types ${ktVersion}`,
};

// One schema per line keeps the file small and its diffs readable.
const out = [
  '{',
  `"generatedBy": ${JSON.stringify(header.generatedBy)},`,
  `"sources": ${JSON.stringify(header.sources)},`,
  '"texts": [',
  texts.map((t) => JSON.stringify(t)).join(',\n'),
  '],',
  '"kinds": [',
  kinds.map((k) => JSON.stringify(k)).join(',\n'),
  '],',
  '"schemas": {',
  Object.entries(sorted)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n'),
  '}',
  '}',
  '',
].join('\n');
if (process.argv.includes('--check')) {
  // Used by the tests: the committed file must be what the installed sources generate.
  const committed = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (committed !== out) {
    console.error(`${outFile} is stale: run node scripts/gen-schema.mjs`);
    process.exit(1);
  }
  process.exit(0);
}
writeFileSync(outFile, out);

const size = Buffer.byteLength(out);
console.log(`wrote ${outFile}: ${kinds.length} kinds, ${Object.keys(sorted).length} schemas, ${(size / 1024).toFixed(0)} KiB`);
if (guessed.length) console.log(`placed by referrer (not in kubernetes-types ${ktVersion}):\n  ${guessed.join('\n  ')}`);
