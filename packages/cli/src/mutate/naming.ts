/** How kubectl names resource types and objects in its one-line messages (cli-runtime's name printer). */

/** The parts of a resource type the names are built from. */
export interface TypeNames {
  group: string;
  kind: string;
  plural?: string;
}

/** `deployment.apps`, or `pod` for the core group: the prefix of `-o name` and of success lines. */
export function kindString(t: TypeNames): string {
  const kind = t.kind.toLowerCase();
  return t.group ? `${kind}.${t.group}` : kind;
}

/** `deployment.apps/web` (with `-o name`), or `deployment.apps/web created` when an operation is given. */
export function nameLine(t: TypeNames, name: string, operation?: string): string {
  return operation ? `${kindString(t)}/${name} ${operation}` : `${kindString(t)}/${name}`;
}

/** The resource-type facts behind cli-runtime's Info.String(). */
export interface InfoFacts {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

/** cli-runtime's Info.String(), which kubectl quotes in apply's longer error messages. */
export function infoString(t: InfoFacts, name: string, namespace: string): string {
  const gv = `${t.group}/${t.version}`;
  return (
    `Resource: ${JSON.stringify(`${gv}, Resource=${t.plural}`)}, GroupVersionKind: ${JSON.stringify(`${gv}, Kind=${t.kind}`)}\n` +
    `Name: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace)}`
  );
}

/** cli-runtime's Info.ObjectName(): `deployments/web` (plural without group). */
export function objectName(t: { plural: string }, name: string): string {
  return `${t.plural}/${name}`;
}
