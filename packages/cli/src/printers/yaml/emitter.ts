/**
 * YAML text exactly as kubectl prints it: sigs.k8s.io/yaml marshals to JSON and re-encodes
 * with its go-yaml v2 fork (libyaml's emitter). That gives sorted keys (go-yaml's natural
 * order), sequences not indented under their key, `{}`/`[]` for empty collections,
 * double quotes for strings that would read back as another type ("80", "true", ""),
 * single quotes for indicator characters, `|` blocks for multi-line text, and folding of
 * long scalars at the first space past column 80. Written by hand because the `yaml`
 * package makes different quoting and folding choices, and `-o yaml` output is compared
 * byte for byte by users' scripts and by golden tests.
 */
import { goFormatFloat } from '@mk/api';
import { resolvesToNonString, isBase60Float } from './resolve';
import { analyzeScalar, isBreak, isPrintable, type ScalarAnalysis } from './scalar-analysis';
import { sortYamlKeys } from './key-order';

type Style = 'plain' | 'single' | 'double' | 'literal';

interface NodeContext {
  mapping: boolean;
  simpleKey: boolean;
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const SIMPLE_KEY_MAX_BYTES = 128;

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/** Renders one JSON value as a YAML document the way kubectl's YAML printer does. */
export function toKubectlYaml(value: unknown): string {
  const e = new Emitter();
  e.emitNode(normalize(value), { mapping: false, simpleKey: false });
  e.writeIndent();
  return e.out;
}

/** JSON round trip semantics: undefined members vanish, as they would in json.Marshal. */
function normalize(value: unknown): unknown {
  return value === undefined ? null : value;
}

class Emitter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  emitNode(value: unknown, ctx: NodeContext): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emitEmptyFlow('[', ']');
      else this.emitBlockSequence(value, ctx);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const keys = sortYamlKeys(Object.keys(record).filter((k) => record[k] !== undefined));
      if (keys.length === 0) this.emitEmptyFlow('{', '}');
      else this.emitBlockMapping(record, keys);
    } else {
      this.emitScalar(value, ctx);
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: unknown[], ctx: NodeContext): void {
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(normalize(item), { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private emitBlockMapping(record: Record<string, unknown>, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const cps = Array.from(key, (c) => c.codePointAt(0)!);
      const simple = !analyzeScalar(cps).multiline && Buffer.byteLength(key, 'utf8') <= SIMPLE_KEY_MAX_BYTES;
      if (simple) {
        this.emitScalar(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitScalar(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(normalize(record[key]), { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private emitScalar(value: unknown, ctx: NodeContext): void {
    const [text, requested] = scalarText(value);
    const cps = Array.from(text, (c) => c.codePointAt(0)!);
    const style = selectStyle(requested, analyzeScalar(cps), cps.length, ctx.simpleKey);
    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    if (style === 'plain') this.writePlain(cps, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(cps, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(cps, allowBreaks);
    else this.writeLiteral(cps);
    this.popIndent();
  }

  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private write(cp: number): void {
    this.out += String.fromCodePoint(cp);
    this.column++;
  }

  private writeBreak(cp: number): void {
    if (cp === 0x0a) {
      this.putBreak();
    } else {
      this.write(cp);
      this.column = 0;
    }
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== 0x20;
        if (fold) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    // libyaml tests for a BOM at the start of the whole value on every character.
    const startsWithBom = cps[0] === 0xfeff;
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        const short = ESCAPES[c];
        if (short !== undefined) {
          this.put(short);
        } else {
          const [letter, digits] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter);
          for (const d of c.toString(16).toUpperCase().padStart(digits, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(cps);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeBlockScalarHints(cps: number[]): void {
    if (cps[0] === 0x20 || isBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = cps.length - 1;
    if (cps.length === 0 || !isBreak(cps[last])) chomp = '-';
    else if (last === 0 || isBreak(cps[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }
}

/** The encoder's text and requested style for a JSON scalar (go-yaml's stringv/intv/floatv/boolv/nilv). */
function scalarText(value: unknown): [string, Style] {
  if (value === null || value === undefined) return ['null', 'plain'];
  if (typeof value === 'boolean') return [value ? 'true' : 'false', 'plain'];
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return [BigInt(value).toString(), 'plain'];
    const f = goFormatFloat(value);
    return [f === '+Inf' ? '.inf' : f === '-Inf' ? '-.inf' : f === 'NaN' ? '.nan' : f, 'plain'];
  }
  const s = String(value);
  if (s.includes('\n')) return [s, 'literal'];
  return [s, resolvesToNonString(s) || isBase60Float(s) ? 'double' : 'plain'];
}

/** yaml_emitter_select_scalar_style for block context (flow level 0). */
function selectStyle(requested: Style, a: ScalarAnalysis, length: number, simpleKey: boolean): Style {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}
