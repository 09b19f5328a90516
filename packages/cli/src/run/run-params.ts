/**
 * The values `kubectl run` reads from its flags before building the Pod (pkg/generate and
 * pkg/generate/versioned/run.go): labels (generate.ParseLabels), annotations (cmdutil.ParsePairs),
 * environment variables (parseEnvs with validation.IsEnvVarName) and the container port (strconv.Atoi).
 */

/** generate.ParseLabels: `a=b,c=d`, each with exactly one `=` and a key. */
export function parseRunLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const parts = item.split('=');
    if (parts.length !== 2) throw new Error(`unexpected label spec: ${item}`);
    if (parts[0] === '') throw new Error('unexpected empty label key');
    labels[parts[0]!] = parts[1]!;
  }
  return labels;
}

/** cmdutil.ParsePairs(pairs, "annotations", false): KEY=VALUE each; the bad ones are listed together. */
export function parseRunAnnotations(pairs: string[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) annotations[pair.slice(0, eq)] = pair.slice(eq + 1);
    else invalid.push(pair);
  }
  if (invalid.length > 0) throw new Error(`invalid annotations format: ${invalid.join(', ')}`);
  return annotations;
}

/** validation.IsEnvVarName: a C-identifier-like name that may also hold `-` and `.`, never `..` at the start. */
function isEnvVarName(name: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && name !== '.' && !name.startsWith('..');
}

/** parseEnvs: NAME=VALUE each, in order; the first bad one is reported whole. */
export function parseRunEnv(specs: string[]): { name: string; value: string }[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq < 0 ? '' : spec.slice(0, eq);
    if (eq < 0 || !isEnvVarName(name)) throw new Error(`invalid env: ${spec}`);
    return { name, value: spec.slice(eq + 1) };
  });
}

/** strconv.Atoi, as kubectl reads --port. */
export function parseRunPort(value: string): number {
  if (!/^[+-]?\d+$/.test(value)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(value)}: invalid syntax`);
  const n = BigInt(value);
  if (n >= 2n ** 63n || n < -(2n ** 63n)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(value)}: value out of range`);
  return Number(n);
}
