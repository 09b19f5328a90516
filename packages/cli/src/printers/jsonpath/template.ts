/**
 * A compiled kubectl JSONPath template: parse once, execute against decoded JSON and render
 * the results as client-go's PrintResults does (values of one action space-separated, maps
 * and lists as compact JSON, strings raw, JSON null as `null`).
 */
import { GoFloat, goSprint } from '@mk/api';
import { goJson } from '../../manifests/go-json';
import { JsonPathEvaluator } from './evaluate';
import type { ListNode } from './nodes';
import { parseJsonPath } from './parser';

/** A parsed template; `allowMissingKeys` turns "x is not found" into empty results. */
export class JsonPathTemplate {
  private readonly root: ListNode;

  constructor(
    readonly source: string,
    readonly options: { allowMissingKeys: boolean; outputJson?: boolean },
  ) {
    this.root = parseJsonPath(source);
  }

  /** The raw results per action (used by custom columns and --sort-by). */
  findResults(data: unknown): unknown[][] {
    return new JsonPathEvaluator(this.root, this.options.allowMissingKeys).findResults(data);
  }

  /** Executes the template and renders its output text. */
  execute(data: unknown): string {
    return this.findResults(data)
      .map((results) => this.render(results))
      .join('');
  }

  private render(results: unknown[]): string {
    if (this.options.outputJson) return `${goJson(results.map(plain), '    ')}\n`;
    return results.map(textOf).join(' ');
  }
}

function plain(v: unknown): unknown {
  return v instanceof GoFloat ? v.value : v;
}

function textOf(v: unknown): string {
  if (v !== null && typeof v === 'object' && !(v instanceof GoFloat)) return goJson(v);
  if (v === null || v === undefined) return 'null';
  return goSprint(v);
}
