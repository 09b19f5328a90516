/**
 * labels.Parse: the selector string grammar of `-l` / `?labelSelector=`
 * (`k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, `k>1`,
 * `k<1`, comma-joined), with upstream's error texts.
 */
import { SelectorError } from './errors';
import { lexLabelSelector, type Token, type TokenType } from './labelLexer';
import { labelKeyError } from './labelValidation';
import { compareBytes } from './goFormat';
import { newRequirement, type LabelOperator, type LabelRequirement } from './labelRequirement';

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const OPERATOR_OF: Partial<Record<TokenType, LabelOperator>> = {
  in: 'in',
  '=': '=',
  '==': '==',
  '>': 'gt',
  '<': 'lt',
  notin: 'notin',
  '!=': '!=',
};

/** Recursive-descent parser over the token list; one instance per parse. */
class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  /** In value context `in` / `notin` are plain identifiers (a label may be named "in"). */
  private asValue(t: Token): Token {
    return t.type === 'in' || t.type === 'notin' ? { type: 'identifier', literal: t.literal } : t;
  }

  private lookahead(values: boolean): Token {
    const t = this.tokens[this.position];
    return values ? this.asValue(t) : t;
  }

  private consume(values: boolean): Token {
    const t = this.tokens[this.position++];
    return values ? this.asValue(t) : t;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const t = this.lookahead(true);
      if (t.type === 'eos') return requirements;
      if (t.type !== 'identifier' && t.type !== '!') {
        throw new SelectorError(`found '${t.literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (e) {
        throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`);
      }
      const next = this.consume(true);
      if (next.type === 'eos') return requirements;
      if (next.type !== ',') throw new SelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.lookahead(true);
      if (after.type !== 'identifier' && after.type !== '!') {
        throw new SelectorError(`found '${after.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator) return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // Upstream collects values in a set and lists them sorted.
    return newRequirement(key, op, [...values].sort(compareBytes));
  }

  private parseKeyAndInferOperator(): { key: string; operator?: LabelOperator } {
    let operator: LabelOperator | undefined;
    let t = this.consume(true);
    if (t.type === '!') {
      operator = '!';
      t = this.consume(true);
    }
    if (t.type !== 'identifier') throw new SelectorError(`found '${t.literal}', expected: identifier`);
    // Upstream validates against a nil field path, which prints as "<nil>".
    const keyErr = labelKeyError(t.literal, '<nil>');
    if (keyErr) throw new SelectorError(keyErr);
    const next = this.lookahead(true).type;
    if ((next === 'eos' || next === ',') && operator !== '!') operator = 'exists';
    return { key: t.literal, operator };
  }

  private parseOperator(): LabelOperator {
    const t = this.consume(false);
    const op = OPERATOR_OF[t.type];
    if (!op) throw new SelectorError(`found '${t.literal}', expected: ${BINARY_OPERATORS}`);
    return op;
  }

  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.type !== '(') throw new SelectorError(`found '${open.literal}' expected: '('`);
    const t = this.lookahead(true);
    if (t.type === 'identifier' || t.type === ',') {
      const values = this.parseIdentifiersList();
      if (this.consume(true).type !== ')') throw new SelectorError(`found '${t.literal}', expected: ')'`);
      return values;
    }
    if (t.type === ')') {
      this.consume(true);
      return new Set(['']);
    }
    throw new SelectorError(`found '${t.literal}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const t = this.consume(true);
      if (t.type === 'identifier') {
        values.add(t.literal);
        const next = this.lookahead(true);
        if (next.type === ',') continue;
        if (next.type === ')') return values;
        throw new SelectorError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (t.type === ',') {
        // Empty values between commas ("(,a)", "(a,,b)", "(a,)") count as "".
        if (values.size === 0) values.add('');
        const next = this.lookahead(true);
        if (next.type === ')') {
          values.add('');
          return values;
        }
        if (next.type === ',') {
          this.consume(true);
          values.add('');
        }
        continue;
      }
      throw new SelectorError(`found '${t.literal}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): Set<string> {
    const t = this.lookahead(true);
    if (t.type === 'eos' || t.type === ',') return new Set(['']);
    const v = this.consume(true);
    if (v.type === 'identifier') return new Set([v.literal]);
    throw new SelectorError(`found '${v.literal}', expected: identifier`);
  }
}

/** Requirements sorted by key (stable, byte order), as labels.Parse returns them. */
export function parseLabelRequirements(text: string): LabelRequirement[] {
  const requirements = new Parser(lexLabelSelector(text)).parse();
  return requirements.sort((a, b) => compareBytes(a.key, b.key));
}
