/** describeTopologySpreadConstraints: `key:WhenUnsatisfiable when max skew N is exceeded for selector S`. */
import { labelSelectorString, type LabelSelectorSpec } from './format';
import { LEVEL_0, type PrefixWriter } from './prefix-writer';

interface Constraint {
  topologyKey?: string;
  whenUnsatisfiable?: string;
  maxSkew?: number;
  labelSelector?: LabelSelectorSpec | null;
}

/** Prints the constraints sorted by topology key; nothing when there are none. */
export function describeTopologySpreadConstraints(constraints: Constraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!constraints || constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) => ((a.topologyKey ?? '') < (b.topologyKey ?? '') ? -1 : (a.topologyKey ?? '') > (b.topologyKey ?? '') ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let line = `${c.topologyKey ?? ''}:${c.whenUnsatisfiable ?? ''} when max skew ${c.maxSkew ?? 0} is exceeded`;
    if (c.labelSelector) line += ` for selector ${labelSelectorString(c.labelSelector) || '<none>'}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}
