/**
 * Parser for kubectl's JSONPath templates (client-go util/jsonpath parser.go): text with
 * `{...}` actions holding fields, `[i:j:k]` slices, unions, `[?(...)]` filters, `..`,
 * quoted literals and the `range`/`end` keywords. jsonpath-plus evaluates plain JSONPath
 * expressions but knows nothing of this template language, so it is parsed here; errors
 * carry client-go's messages because kubectl prints them.
 */
import { newList, type JsonPathNode, type ListNode, type SliceParam } from './nodes';
import { unquoteExtend } from './unquote';

const EOF = '';

/** Parses a template into its root list node; throws Error with client-go's message on bad syntax. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse();
}

/** Parses `{text}` and returns the single action inside (client-go's parseAction). */
function parseAction(text: string): ListNode {
  const root = parseJsonPath(`{${text}}`);
  return root.nodes[0] as ListNode;
}

function isSpace(r: string): boolean {
  return r === ' ' || r === '\t';
}

function isEndOfLine(r: string): boolean {
  return r === '\r' || r === '\n';
}

function isTerminator(r: string): boolean {
  return isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}

/** Go's %#U of a rune, e.g. U+0023 '#'. */
function formatRune(r: string): string {
  return `U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

class Parser {
  private readonly input: string[];
  private root: ListNode = newList();
  private pos = 0;
  private start = 0;

  constructor(text: string) {
    this.input = Array.from(text);
  }

  parse(): ListNode {
    this.root = newList();
    this.parseText(this.root);
    return this.root;
  }

  private hasPrefix(prefix: string): boolean {
    return this.input.slice(this.pos, this.pos + prefix.length).join('') === prefix;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos).join('');
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) return EOF;
    return this.input[this.pos++];
  }

  private peek(): string {
    return this.pos >= this.input.length ? EOF : this.input[this.pos];
  }

  private backup(r: string): void {
    if (r !== EOF) this.pos--;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.hasPrefix('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.hasPrefix('}')) return this.parseRightDelim();
      if (this.hasPrefix('[?(')) return this.parseFilter(cur);
      if (this.hasPrefix('..')) return this.parseRecursive(cur);
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new Error('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText();
      } else if (r === '[') {
        return this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        return this.parseQuote(cur, r);
      } else if (r === '.') {
        return this.parseField(cur);
      } else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup(r);
        return this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup(r);
        return this.parseIdentifier(cur);
      } else {
        throw new Error(`unrecognized character in action: ${formatRune(r)}`);
      }
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last?.type === 'recursive') throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === '+' || first === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: Number(value) });
    } else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) });
    } else {
      throw new Error(`cannot parse number ${value}`);
    }
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new Error('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((part) => parseAction(`[${part.trim()}]`)) });
      return this.parseInsideAction(cur);
    }

    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      cur.nodes.push(...parseAction(`.${dictKey[1]}`).nodes);
      return this.parseInsideAction(cur);
    }

    const slice = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!slice) throw new Error(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = slice[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else if (!/^-?\d+$/.test(v)) throw new Error(`array index ${v} is not a number`);
        else params.push({ value: Number(v), known: true, derived: false });
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.nodes.push({ type: 'array', params: params as [SliceParam, SliceParam, SliceParam] });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new Error('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) {
        break;
      }
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new Error('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch (err) {
      throw new Error(`unquote string ${value} error ${(err as Error).message}`);
    }
    cur.nodes.push({ type: 'text', text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
    this.parseInsideAction(cur);
  }

  /** Scans to the next unescaped terminator. */
  private advance(): boolean {
    const r = this.next();
    if (r === '\\') {
      this.next();
    } else if (isTerminator(r)) {
      this.backup(r);
      return false;
    }
    return true;
  }
}
