/** The edit `set image` makes to a pod spec: each CONTAINER=IMAGE updates that container, `*` every one, init containers included. */

/** Sets images in place; returns kubectl's error for each name that matched no container. */
export function setContainerImages(podSpec: Record<string, unknown>, images: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, image] of images) {
    const inInit = setImage(podSpec.initContainers, name, image);
    const inMain = setImage(podSpec.containers, name, image);
    if (!inInit && !inMain) problems.push(`error: unable to find container named ${JSON.stringify(name)}`);
  }
  return problems;
}

function setImage(containers: unknown, name: string, image: string): boolean {
  if (!Array.isArray(containers)) return false;
  let found = false;
  for (const c of containers as Record<string, unknown>[]) {
    if (c && (c.name === name || name === '*')) {
      c.image = image;
      found = true;
    }
  }
  return found;
}
