/** `mk node add`'s --labels and --taints, parsed into the control API's body (the daemon validates them again). */
import { CliError } from '../context';
import { parseTaints, type Taint } from './taints';

/** parseLabelsFlag reads `k=v,k2=v2` (empty values allowed, as kubelet's --node-labels). */
export function parseLabelsFlag(values: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of values) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new CliError(`invalid label ${JSON.stringify(pair)}: use key=value`);
    labels[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return labels;
}

/** parseTaintsFlag reads `key=value:Effect,key:Effect` (kubelet's --register-with-taints). */
export function parseTaintsFlag(values: string[]): Taint[] {
  try {
    const { add, remove } = parseTaints(values);
    if (remove.length) throw new Error(`invalid taint spec: ${values.find((v) => v.endsWith('-'))}`);
    return add;
  } catch (err) {
    throw new CliError(`--taints: ${(err as Error).message}`);
  }
}
