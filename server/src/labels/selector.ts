// Parses `label_selector` (the Kubernetes / Hetzner grammar) into requirements that filter.ts turns into SQL:
//   k=v  k==v  k!=v  k in (a,b)  k notin (a,b)  k  !k     joined by top-level commas, all must hold.
import Type from 'typebox';
import { labelKeyProblem, labelValueProblem } from './labels.js';
import { ApiError } from '../errors/api-error.js';
import { invalidRequest } from '../errors/catalog.js';

// Bounds keep a single query's cost small: each requirement is one subquery, each set one IN list.
export const MAX_SELECTOR_LENGTH = 1024;
export const MAX_REQUIREMENTS = 20;
export const MAX_SET_VALUES = 50;

export type Requirement =
  | { operator: 'exists' | 'not_exists'; key: string }
  | { operator: '=' | '!='; key: string; value: string }
  | { operator: 'in' | 'notin'; key: string; values: string[] };

/** Requirements that must all hold; empty selects everything. */
export type LabelSelector = Requirement[];

/** The `label_selector` query property; spread it into a list route's querystring schema. */
export const labelSelectorQueryProperties = {
  label_selector: Type.Optional(
    Type.String({
      maxLength: MAX_SELECTOR_LENGTH,
      description: "Only resources whose labels match, e.g. `env=prod,tier in (web,api),!legacy`",
    }),
  ),
};

type TokenKind = 'word' | '=' | '==' | '!=' | '!' | '(' | ')' | ',' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const PUNCTUATION = ['==', '!=', '=', '!', '(', ')', ','] as const;

function invalid(message: string): ApiError {
  return invalidRequest('Invalid label selector', [{ field: 'label_selector', message }]);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at] as string)) {
      at++;
      continue;
    }
    const mark = PUNCTUATION.find((p) => text.startsWith(p, at));
    let end = at + (mark?.length ?? 0);
    if (!mark) while (end < text.length && !/[\s=!(),]/.test(text[end] as string)) end++;
    tokens.push({ kind: mark ?? 'word', text: text.slice(at, end), start: at, end });
    at = end;
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

class Parser {
  private readonly tokens: Token[];
  private next = 0;
  /** Where the requirement being parsed starts, and where the last token taken ends: error context. */
  private requirementStart = 0;
  private consumedEnd = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parse(): LabelSelector {
    const requirements: Requirement[] = [];
    if (this.peek().kind === 'end') return requirements;
    do {
      this.requirementStart = this.peek().start;
      requirements.push(this.requirement());
      if (requirements.length > MAX_REQUIREMENTS) throw invalid(`at most ${MAX_REQUIREMENTS} requirements are allowed`);
    } while (this.accept(','));
    this.expect('end', "',' or the end");
    return requirements;
  }

  private requirement(): Requirement {
    if (this.accept('!')) return { operator: 'not_exists', key: this.key() };
    const key = this.key();
    const operator = this.peek();
    if (operator.kind === '=' || operator.kind === '==' || operator.kind === '!=') {
      this.take();
      // `k=` selects an empty value, which labels allow.
      const value = this.peek().kind === 'word' ? this.value(key) : '';
      return { operator: operator.kind === '!=' ? '!=' : '=', key, value };
    }
    if (operator.kind === 'word' && (operator.text === 'in' || operator.text === 'notin')) {
      this.take();
      return { operator: operator.text, key, values: this.set(key) };
    }
    if (operator.kind === ',' || operator.kind === 'end') return { operator: 'exists', key };
    throw this.expected("'=', '==', '!=', 'in', 'notin', ',' or the end");
  }

  private set(key: string): string[] {
    this.expect('(', "'('");
    const values = new Set<string>();
    do {
      if (this.peek().kind !== 'word') throw this.expected('a value');
      values.add(this.value(key));
      if (values.size > MAX_SET_VALUES) throw invalid(`at most ${MAX_SET_VALUES} values are allowed in a set`);
    } while (this.accept(','));
    this.expect(')', "',' or ')'");
    return [...values];
  }

  private key(): string {
    const key = this.expect('word', 'a label key').text;
    const problem = labelKeyProblem(key);
    if (problem) throw invalid(`invalid key '${key}': ${problem}`);
    return key;
  }

  private value(key: string): string {
    const value = this.take().text;
    const problem = labelValueProblem(value);
    if (problem) throw invalid(`invalid value '${value}' for key '${key}': ${problem}`);
    return value;
  }

  private peek(): Token {
    return this.tokens[this.next] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.next++;
    this.consumedEnd = token.end;
    return token;
  }

  private accept(kind: TokenKind): boolean {
    if (this.peek().kind !== kind) return false;
    this.take();
    return true;
  }

  private expect(kind: TokenKind, description: string): Token {
    if (this.peek().kind !== kind) throw this.expected(description);
    return this.take();
  }

  private expected(description: string): ApiError {
    const consumed = this.text.slice(this.requirementStart, this.consumedEnd).trim();
    const found = this.peek();
    const where = consumed ? ` after '${consumed}'` : ` at character ${found.start + 1}`;
    return invalid(`expected ${description}${where}${found.kind === 'end' ? '' : `, found '${found.text}'`}`);
  }
}

/** Parses a `label_selector`; anything malformed is a 400 naming the field and what is wrong. */
export function parseLabelSelector(text: string): LabelSelector {
  if (text.length > MAX_SELECTOR_LENGTH) throw invalid(`must be at most ${MAX_SELECTOR_LENGTH} characters`);
  return new Parser(text).parse();
}
