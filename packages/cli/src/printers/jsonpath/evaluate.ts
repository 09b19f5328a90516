/**
 * Evaluation of a parsed kubectl JSONPath template against decoded JSON, following
 * client-go's jsonpath.go: results are grouped per top-level action, `range`/`end`
 * repeat the actions in between for every value, missing keys are errors unless
 * allowMissingKeys is set (kubectl sets it), and filters compare like text/template.
 */
import { GoFloat, goSprint, goTypeName, isGoInt } from '@mk/api';
import type { JsonPathNode, ListNode } from './nodes';

/** A decoded JSON value, a template literal (string, number, GoFloat, boolean) or a string byte. */
type Value = unknown;

/** Finds results for each top-level action of a template (client-go's FindResults). */
export class JsonPathEvaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;

  constructor(
    private readonly root: ListNode,
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: unknown): Value[][] {
    this.beginRange = 0;
    this.inRange = 0;
    this.endRange = 0;
    this.lastEnd = -1;
    return this.find(this.root.nodes, 0, data);
  }

  private find(nodes: JsonPathNode[], start: number, data: unknown): Value[][] {
    const cur = [data];
    const full: Value[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.find(nodes, i + 1, value));
        } else {
          // The actions inside an empty range are still walked so that `end` is found.
          this.find(nodes, i + 1, null);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (k === this.lastEnd) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], node: ListNode): Value[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new Error('not in range, nothing to end');
    }
    throw new Error(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], key: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const value of input) {
      if (!isMap(value)) continue;
      if (Object.prototype.hasOwnProperty.call(value, key) && value[key] !== undefined) results.push(value[key]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${key} is not found`);
    return results;
  }

  private evalArray(input: Value[], node: Extract<JsonPathNode, { type: 'array' }>): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new Error(`${goTypeName(value)} is not array or slice`);
      const len = value.length;
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }));
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += len;
      if (!p1.known) p1.value = len;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
      if (p1.value === p0.value) return result;
      if (p0.value >= len || p0.value < 0) throw new Error(`array index out of bounds: index ${p0.value}, length ${len}`);
      if (p1.value > len || p1.value < 0) throw new Error(`array index out of bounds: index ${p1.value - 1}, length ${len}`);
      if (p0.value > p1.value) throw new Error(`starting index ${p0.value} is greater than ending index ${p1.value}`);
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new Error('step must be > 0');
        step = p2.value;
      }
      const slice = value.slice(p0.value, p1.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      const kids = children(value);
      if (kids.length === 0) continue;
      result.push(value, ...this.evalRecursive(kids));
    }
    return result;
  }

  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new Error(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        if (node.operator === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.evalList([item], node.left);
          } catch {
            // client-go ignores the error when only testing for existence.
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const left = this.single(this.evalList([item], node.left));
        if (left === NONE) continue;
        const right = this.single(this.evalList([item], node.right));
        if (right === NONE) continue;
        if (compare(left, right, node.operator)) results.push(item);
      }
    }
    return results;
  }

  private single(values: Value[]): Value {
    if (values.length === 0) return NONE;
    if (values.length > 1) throw new Error('can only compare one element at a time');
    return values[0];
  }
}

const NONE = Symbol('none');

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat);
}

/** The elements reflect would iterate: map values, slice elements, or a string's bytes. */
function children(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  if (isMap(value)) return Object.values(value).filter((v) => v !== undefined);
  if (typeof value === 'string') return Array.from(Buffer.from(value, 'utf8'));
  return [];
}

type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: Value): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  throw new Error('invalid type for comparison');
}

function scalar(v: Value): number | string | boolean {
  return v instanceof GoFloat ? v.value : (v as number | string | boolean);
}

/** text/template's eq/ne/lt/le/gt/ge on basic kinds (integers and floats never mix). */
function compare(left: Value, right: Value, op: string): boolean {
  if (!['==', '!=', '<', '<=', '>', '>='].includes(op)) throw new Error(`unrecognized filter operator ${op}`);
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  const a = scalar(left);
  const b = scalar(right);
  const less = (): boolean => {
    if (k1 === 'bool') throw new Error('invalid type for comparison');
    return a < b;
  };
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return less();
    case '<=':
      return less() || a === b;
    case '>':
      return !(less() || a === b);
    default:
      return !less();
  }
}
