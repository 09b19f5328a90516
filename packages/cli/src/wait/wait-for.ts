/**
 * The `--for` flag of `wait` (kubectl pkg/cmd/wait/wait.go conditionFuncFor): `delete`, `create`,
 * `condition=NAME[=VALUE]` (value defaults to true) or `jsonpath=EXPR[=VALUE]`, with kubectl's
 * parsing of `==` inside JSONPath filters and its error messages.
 */
import { JsonPathTemplate } from '../printers/jsonpath/template';
import { relaxedJsonPath } from '../printers/jsonpath/relaxed';

/** What to wait for. */
export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  /** `value` undefined: any value at the path will do. */
  | { kind: 'jsonpath'; template: JsonPathTemplate; value?: string };

/** Parses --for; throws kubectl's errors. */
export function parseWaitFor(spec: string): WaitFor {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (spec.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { kind: 'condition', name: rest, value: 'true' } : { kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (spec.startsWith('jsonpath=')) return parseJsonPathWait(spec.slice('jsonpath='.length));
  throw new Error(`unrecognized condition: ${JSON.stringify(spec)}`);
}

function parseJsonPathWait(input: string): WaitFor {
  const parts = splitOnSingleEquals(input);
  if (parts.length > 2) {
    throw new Error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  const expression = relaxedJsonPath(parts[0]!);
  let value: string | undefined;
  if (parts.length === 2) {
    value = parts[1]!.replace(/^['"]+|['"]+$/g, '');
    if (value === '') throw new Error("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (expression === '') throw new Error('jsonpath expression cannot be empty');
  return { kind: 'jsonpath', template: new JsonPathTemplate(expression, { allowMissingKeys: true }), value };
}

/** kubectl's splitJSONPathInput: splits on single `=`, keeping `==` (filter comparisons) intact. */
export function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') {
      current += input[i];
      continue;
    }
    if (input[i + 1] === '=') {
      current += '==';
      i++;
      continue;
    }
    out.push(current);
    current = '';
  }
  out.push(current);
  return out;
}
