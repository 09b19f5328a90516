/**
 * kube-controller-manager's --controllers: a list of names where `*` means
 * every controller that is on by default, `foo` enables foo and `-foo`
 * disables it; the first explicit mention of a name wins.
 */
import type { ControllerDefinition } from './types';

/** Upstream IsControllerEnabled. */
export function isControllerEnabled(def: Pick<ControllerDefinition, 'name' | 'enabledByDefault'>, selection: readonly string[]): boolean {
  let star = false;
  for (const item of selection) {
    if (item === def.name) return true;
    if (item === `-${def.name}`) return false;
    if (item === '*') star = true;
  }
  return star && def.enabledByDefault !== false;
}

/** The definitions the selection enables; throws for names that are not controllers (upstream's validation message). */
export function selectControllers(all: readonly ControllerDefinition[], selection: readonly string[] = ['*']): ControllerDefinition[] {
  const known = new Set(all.map((d) => d.name));
  for (const item of selection) {
    const name = item.startsWith('-') ? item.slice(1) : item;
    if (item !== '*' && !known.has(name)) throw new Error(`"${name}" is not in the list of known controllers`);
  }
  return all.filter((d) => isControllerEnabled(d, selection));
}
