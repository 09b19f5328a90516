/**
 * A short rendering of what changed between two specs, appended to
 * "may not change" messages where upstream appends a go-cmp diff. It lists
 * each changed top-level field in go-cmp's `-old`/`+new` line style with the
 * Go field name; values are JSON, not Go syntax.
 */
import { deepEqual } from './deep-equal';
import { obj } from './json-access';

function goFieldName(jsonName: string): string {
  return jsonName.charAt(0).toUpperCase() + jsonName.slice(1);
}

/** `  core.PodSpec{\n- \tNodeName: "a",\n+ \tNodeName: "b",\n  }\n` */
export function specDiff(goType: string, oldSpec: unknown, newSpec: unknown): string {
  const a = obj(oldSpec);
  const b = obj(newSpec);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const lines = [`  ${goType}{`];
  for (const k of keys) {
    if (deepEqual(a[k], b[k])) continue;
    if (a[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${JSON.stringify(a[k])},`);
    if (b[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${JSON.stringify(b[k])},`);
  }
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}
