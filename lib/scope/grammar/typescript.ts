// A small TypeScript reader for the types specs write: a tokenizer, a
// recursive-descent parser for type expressions (object literals, unions,
// arrays, generics, `1..100` ranges, prose notes like `string (URL)`) and for
// the JS expressions zod schemas are built from, and their mapping to `Field`s.
// The tokenizer and the expression parser are shared with the model readers.
import type { Field, FieldType } from '../../types.js';
import { type Attributes, mapType, parseAttributes, splitTopLevel, toField } from '../fields.js';

/* ------------------------------------------------------------------ tokens */

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier, number or punctuation as written; a string's unquoted content. */
  value: string;
  start: number;
  end: number;
  /** 0-based line of the token's first character in the tokenized text. */
  line: number;
  /** A line break separates this token from the one before. */
  nl: boolean;
}

export interface TokenizeOptions {
  /** Line comment openers; `['//']` unless told (`['#']` for Python, `['%%']` for Mermaid). */
  lineComments?: readonly string[];
  /** `/* … *\/` comments (default true). */
  blockComments?: boolean;
  /** Python `"""…"""` strings and `f"…"`-style prefixes. */
  python?: boolean;
}

const MULTI_PUNCT = ['...', '..', '=>', '->', '::'];
const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const NUMBER = /\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?[A-Za-z0-9_]*/y;
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const lineComments = options.lineComments ?? ['//'];
  const blockComments = options.blockComments ?? true;
  const tokens: Token[] = [];
  let line = 0;
  let nl = false;
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, end: number): void => {
    tokens.push({ kind, value, start, end, line, nl });
    nl = false;
    for (let k = start; k < end; k++) if (text[k] === '\n') line++;
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '\n') {
      line++;
      nl = true;
      i++;
      continue;
    }
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (lineComments.some((opener) => text.startsWith(opener, i))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (blockComments && text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      for (let k = i; k < end; k++) if (text[k] === '\n') [line, nl] = [line + 1, true];
      i = end;
      continue;
    }
    const start = i;
    const prefixed = options.python && /^[rbfuRBFU]{1,2}["']/.exec(text.slice(i, i + 3));
    if (IDENT_START.test(char) && !prefixed) {
      i++;
      while (i < text.length && IDENT_PART.test(text[i])) i++;
      push('ident', text.slice(start, i), start, i);
      continue;
    }
    if (/\d/.test(char)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      i += match ? match[0].length : 1;
      push('number', text.slice(start, i), start, i);
      continue;
    }
    const quoteAt = prefixed ? i + prefixed[0].length - 1 : i;
    const quote = text[quoteAt];
    if (quote === '"' || quote === "'" || quote === '`') {
      const triple = options.python && (text.startsWith('"""', quoteAt) || text.startsWith("'''", quoteAt));
      if (triple) {
        const close = text.indexOf(quote.repeat(3), quoteAt + 3);
        const end = close < 0 ? text.length : close + 3;
        push('string', text.slice(quoteAt + 3, close < 0 ? text.length : close), start, end);
        i = end;
        continue;
      }
      let j = quoteAt + 1;
      while (j < text.length && text[j] !== quote && !(text[j] === '\n' && quote !== '`')) j += text[j] === '\\' ? 2 : 1;
      if (text[j] === quote) {
        push('string', text.slice(quoteAt + 1, j).replace(/\\(.)/g, '$1'), start, j + 1);
        i = j + 1;
        continue;
      }
      // An unclosed quote (an apostrophe in prose) is punctuation, not a string.
    }
    const multi = MULTI_PUNCT.find((punct) => text.startsWith(punct, i));
    i += multi ? multi.length : 1;
    push('punct', text.slice(start, i), start, i);
  }
  tokens.push({ kind: 'eof', value: '', start: text.length, end: text.length, line, nl });
  return tokens;
}

export class ParseError extends Error {}

/** A cursor over tokens; `text` is the source the tokens' offsets point into. */
export class TokenStream {
  index = 0;

  constructor(
    readonly tokens: Token[],
    readonly text: string,
  ) {}

  static of(text: string, options?: TokenizeOptions): TokenStream {
    return new TokenStream(tokenize(text, options), text);
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  get done(): boolean {
    return this.peek().kind === 'eof';
  }

  /** End offset of the last consumed token. */
  get lastEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1].end : 0;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  /** The token at `offset` is punctuation or an identifier spelled `value` (never a string). */
  is(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return (token.kind === 'punct' || token.kind === 'ident') && token.value === value;
  }

  eat(value: string): boolean {
    if (!this.is(value)) return false;
    this.next();
    return true;
  }

  expect(value: string): Token {
    if (!this.is(value)) this.fail(`expected ${value}`);
    return this.next();
  }

  /** Skips one token, or a whole bracketed group when it opens one. */
  skip(): void {
    const open = this.next();
    if (open.kind !== 'punct' || !OPENERS[open.value]) return;
    let depth = 1;
    while (depth > 0 && !this.done) {
      const token = this.next();
      if (token.kind !== 'punct') continue;
      if (OPENERS[token.value]) depth++;
      else if (CLOSERS.has(token.value)) depth--;
    }
  }

  /** Skips `<…>` generics when the next token opens them. */
  skipAngles(): void {
    if (!this.is('<')) return;
    let depth = 0;
    do {
      if (this.is('<')) depth++;
      else if (this.is('>')) depth--;
      if (depth > 0 && this.peek().kind === 'punct' && OPENERS[this.peek().value]) this.skip();
      else this.next();
    } while (depth > 0 && !this.done);
  }

  /** Text between a bracket the stream is on and its closer; leaves the stream after the closer. */
  group(): string {
    const open = this.peek();
    this.skip();
    const close = this.tokens[this.index - 1];
    return this.text.slice(open.end, close.start).trim();
  }

  fail(message: string): never {
    const token = this.peek();
    throw new ParseError(`${message} at line ${token.line + 1} (found ${token.value || 'end'})`);
  }
}

/** A stream over some of a text's tokens (a line, a body), ending in its own eof. */
export function streamOf(tokens: Token[], text: string): TokenStream {
  const last = tokens[tokens.length - 1];
  const end = last ? last.end : 0;
  return new TokenStream([...tokens, { kind: 'eof', value: '', start: end, end, line: last?.line ?? 0, nl: true }], text);
}

/* ------------------------------------------------------------- expressions */

interface Span {
  start: number;
  end: number;
}

export interface Prop {
  key: string;
  value: Expr;
  /** 0-based line of the key. */
  line: number;
}

export interface NamedArg {
  name: string;
  value: Expr;
}

export type Expr = Span &
  (
    | { kind: 'ident'; name: string }
    | { kind: 'member'; object: Expr; name: string }
    | { kind: 'call'; callee: Expr; args: Expr[]; named: NamedArg[] }
    | { kind: 'index'; object: Expr; args: Expr[] }
    | { kind: 'string'; value: string }
    | { kind: 'number'; value: number }
    | { kind: 'array'; items: Expr[] }
    | { kind: 'object'; props: Prop[] }
    | { kind: 'arrow'; body?: Expr }
    | { kind: 'union'; items: Expr[] }
    | { kind: 'other' }
  );

const OPERATORS = new Set(['+', '-', '*', '/', '%', '<', '>', '!', '?', '&', '=', '^', '..', '...', '->']);
const WORD_OPERATORS = new Set(['as', 'satisfies', 'instanceof', 'in', 'or', 'and', 'if', 'is', 'not']);

const continues = (s: TokenStream): boolean => {
  const token = s.peek();
  if (token.nl) return false;
  return (token.kind === 'punct' && OPERATORS.has(token.value)) || (token.kind === 'ident' && WORD_OPERATORS.has(token.value));
};

/**
 * One expression: calls, member chains, literals, arrays, objects, arrows, `a | b`;
 * an expression with other operators is kept as `other`. `stop` ends it early (`=` after a Python annotation).
 */
export function parseExpression(s: TokenStream, stop: readonly string[] = []): Expr {
  const start = s.peek().start;
  let expr = parseUnary(s);
  if (s.is('|') && !s.peek().nl) {
    const items = [expr];
    while (s.eat('|')) items.push(parseUnary(s));
    expr = { kind: 'union', items, start, end: s.lastEnd };
  }
  if (!continues(s) || stop.some((value) => s.is(value))) return expr;
  const ends = [',', ')', ']', '}', ';', ...stop];
  while (!s.done && !(s.peek().kind === 'punct' && ends.includes(s.peek().value)) && !s.peek().nl) s.skip();
  return { kind: 'other', start, end: s.lastEnd };
}

function parseUnary(s: TokenStream): Expr {
  const start = s.peek().start;
  if ((s.is('-') || s.is('+')) && s.peek(1).kind === 'number') {
    const sign = s.next().value === '-' ? -1 : 1;
    return { kind: 'number', value: sign * numberValue(s.next().value), start, end: s.lastEnd };
  }
  if (s.is('new') && s.peek(1).kind === 'ident') {
    s.next();
    return { ...parsePostfixExpression(s), start };
  }
  if (s.is('!') || s.is('typeof') || s.is('await') || s.is('not') || s.is('-')) {
    s.next();
    parseUnary(s);
    return { kind: 'other', start, end: s.lastEnd };
  }
  return parsePostfixExpression(s);
}

function parsePostfixExpression(s: TokenStream): Expr {
  const start = s.peek().start;
  let expr = parsePrimaryExpression(s);
  for (;;) {
    if (s.is('.') && s.peek(1).kind === 'ident') {
      s.next();
      expr = { kind: 'member', object: expr, name: s.next().value, start, end: s.lastEnd };
    } else if (s.is('?') && s.is('.', 1) && s.peek(2).kind === 'ident') {
      s.next();
      s.next();
      expr = { kind: 'member', object: expr, name: s.next().value, start, end: s.lastEnd };
    } else if (s.is('(') && !s.peek().nl) {
      s.next();
      const { args, named } = parseArguments(s, ')');
      expr = { kind: 'call', callee: expr, args, named, start, end: s.lastEnd };
    } else if (s.is('[') && !s.peek().nl) {
      s.next();
      const { args } = parseArguments(s, ']');
      expr = { kind: 'index', object: expr, args, start, end: s.lastEnd };
    } else if (s.is('<') && isGenericCall(s)) {
      s.skipAngles();
    } else if (s.is('!') && !s.is('=', 1) && !s.peek().nl) {
      s.next(); // TS non-null assertion
    } else return expr;
  }
}

/** `f<T>(…)`: angle brackets that close before a `(`. */
function isGenericCall(s: TokenStream): boolean {
  const save = s.index;
  try {
    s.skipAngles();
    return s.is('(');
  } finally {
    s.index = save;
  }
}

/** Arguments up to `close` (consumed): positional ones, and `name = value` / `name: value` named ones. */
export function parseArguments(s: TokenStream, close: string): { args: Expr[]; named: NamedArg[] } {
  const args: Expr[] = [];
  const named: NamedArg[] = [];
  while (!s.is(close)) {
    if (s.done) s.fail(`expected ${close}`);
    if (s.eat(',')) continue;
    if (s.peek().kind === 'ident' && (s.is('=', 1) || (s.is(':', 1) && close === ')')) && !s.is('=', 2) && !s.is('>', 2)) {
      const name = s.next().value;
      s.next();
      named.push({ name, value: parseExpression(s) });
      continue;
    }
    if (s.is('...') || s.is('*')) s.next();
    if (s.is('*')) s.next();
    args.push(parseExpression(s));
  }
  s.next();
  return { args, named };
}

function parsePrimaryExpression(s: TokenStream): Expr {
  const token = s.peek();
  const start = token.start;
  if (token.kind === 'string') {
    s.next();
    let value = token.value;
    while (s.peek().kind === 'string' && !s.peek().nl) value += s.next().value; // 'a' 'b' concatenation
    return { kind: 'string', value, start, end: s.lastEnd };
  }
  if (token.kind === 'number') {
    s.next();
    return { kind: 'number', value: numberValue(token.value), start, end: s.lastEnd };
  }
  if (token.kind === 'ident') {
    s.next();
    if (s.is('=>')) {
      s.next();
      return arrowBody(s, start);
    }
    if (token.value === 'lambda') {
      while (!s.done && !s.is(':')) s.next();
      s.next();
      return { kind: 'arrow', body: parseExpression(s), start, end: s.lastEnd };
    }
    return { kind: 'ident', name: token.value, start, end: s.lastEnd };
  }
  if (s.is('[')) {
    s.next();
    const items: Expr[] = [];
    while (!s.is(']')) {
      if (s.done) s.fail('expected ]');
      if (s.eat(',')) continue;
      s.eat('...');
      items.push(parseExpression(s));
    }
    s.next();
    return { kind: 'array', items, start, end: s.lastEnd };
  }
  if (s.is('{')) {
    s.next();
    const props: Prop[] = [];
    while (!s.is('}')) {
      if (s.done) s.fail('expected }');
      if (s.eat(',') || s.eat(';')) continue;
      if (s.eat('...')) {
        parseExpression(s);
        continue;
      }
      if (s.is('[')) {
        s.skip();
        if (s.eat(':')) parseExpression(s);
        continue;
      }
      const key = s.next();
      if (key.kind !== 'ident' && key.kind !== 'string' && key.kind !== 'number') s.fail('expected a key');
      if (s.eat(':')) props.push({ key: key.value, value: parseExpression(s), line: key.line });
      else if (s.is('(')) {
        s.skip();
        if (s.is('{')) s.skip();
      } else props.push({ key: key.value, value: { kind: 'ident', name: key.value, start: key.start, end: key.end }, line: key.line });
    }
    s.next();
    return { kind: 'object', props, start, end: s.lastEnd };
  }
  if (s.is('(')) {
    const save = s.index;
    s.skip();
    if (s.is('=>')) {
      s.next();
      return arrowBody(s, start);
    }
    s.index = save + 1;
    const inner = parseExpression(s);
    while (s.eat(',')) if (!s.is(')')) parseExpression(s);
    s.expect(')');
    return { ...inner, start, end: s.lastEnd };
  }
  return s.fail('expected an expression');
}

function arrowBody(s: TokenStream, start: number): Expr {
  if (s.is('{')) {
    s.skip();
    return { kind: 'arrow', start, end: s.lastEnd };
  }
  return { kind: 'arrow', body: parseExpression(s), start, end: s.lastEnd };
}

const numberValue = (text: string): number => Number(text.replace(/_/g, '').replace(/[A-Za-z]+$/, (suffix) => (/^[eE]/.test(suffix) ? suffix : '')));

export interface ChainStep {
  name: string;
  args: Expr[];
  named: NamedArg[];
  called: boolean;
}

/** `z.string().max(5)` → root `z`, steps string(), max(5); `text('x').notNull()` → steps text('x'), notNull(). */
export function chainOf(expr: Expr): { root?: string; steps: ChainStep[] } {
  const steps: ChainStep[] = [];
  let current: Expr = expr;
  for (;;) {
    if (current.kind === 'call' && current.callee.kind === 'member') {
      steps.unshift({ name: current.callee.name, args: current.args, named: current.named, called: true });
      current = current.callee.object;
    } else if (current.kind === 'call' && current.callee.kind === 'ident') {
      steps.unshift({ name: current.callee.name, args: current.args, named: current.named, called: true });
      return { steps };
    } else if (current.kind === 'member') {
      steps.unshift({ name: current.name, args: [], named: [], called: false });
      current = current.object;
    } else break;
  }
  return { root: current.kind === 'ident' ? current.name : undefined, steps };
}

/** The last name of `a.b.C` or of a call's callee. */
export function lastName(expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'ident' || expr.kind === 'member') return expr.name;
  if (expr.kind === 'call') return lastName(expr.callee);
  return undefined;
}

/** A literal's value as written (strings unquoted), or the source text. */
export function literalText(expr: Expr, text: string): string {
  if (expr.kind === 'string') return expr.value;
  return text.slice(expr.start, expr.end).trim();
}

/* ------------------------------------------------------------------- types */

export type TypeNode = Span &
  (
    | { kind: 'ref'; name: string; args: TypeNode[] }
    | { kind: 'array'; element: TypeNode }
    | { kind: 'object'; members: Member[] }
    | { kind: 'literal'; value: string; literal: 'string' | 'number' | 'boolean' }
    | { kind: 'union' | 'intersection' | 'tuple'; types: TypeNode[] }
    | { kind: 'range'; min: number; max: number }
    | { kind: 'unknown' }
  );

export interface Member {
  name: string;
  optional: boolean;
  type?: TypeNode;
  /** Text inside trailing notes: `url: string (URL)` → `URL`. */
  annotations: string[];
  /** Class property decorators (`@Column({ nullable: true })`). */
  decorators: Expr[];
  modifiers: string[];
  /** Class property initializer. */
  init?: Expr;
  /** 0-based line of the name. */
  line: number;
}

export function parseType(s: TokenStream): TypeNode {
  const start = s.peek().start;
  s.eat('|');
  const types = [parseIntersection(s)];
  while (s.eat('|')) types.push(parseIntersection(s));
  return types.length === 1 ? types[0] : { kind: 'union', types, start, end: s.lastEnd };
}

function parseIntersection(s: TokenStream): TypeNode {
  const start = s.peek().start;
  s.eat('&');
  const types = [parsePostfixType(s)];
  while (s.eat('&')) types.push(parsePostfixType(s));
  return types.length === 1 ? types[0] : { kind: 'intersection', types, start, end: s.lastEnd };
}

function parsePostfixType(s: TokenStream): TypeNode {
  let node = parsePrimaryType(s);
  while (s.is('[') && !s.peek().nl) {
    s.next();
    if (s.eat(']')) node = { kind: 'array', element: node, start: node.start, end: s.lastEnd };
    else {
      parseType(s);
      s.expect(']');
      node = { kind: 'unknown', start: node.start, end: s.lastEnd };
    }
  }
  return node;
}

function readNumber(s: TokenStream): number {
  const sign = s.eat('-') ? -1 : 1;
  const token = s.next();
  if (token.kind !== 'number') s.fail('expected a number');
  return sign * numberValue(token.value);
}

function parsePrimaryType(s: TokenStream): TypeNode {
  const token = s.peek();
  const start = token.start;
  const span = { start, end: 0 };
  const done = <T extends TypeNode>(node: T): T => ({ ...node, end: s.lastEnd });
  if (token.kind === 'string') {
    s.next();
    return done({ ...span, kind: 'literal', value: token.value, literal: 'string' });
  }
  if (token.kind === 'number' || (s.is('-') && s.peek(1).kind === 'number')) {
    const min = readNumber(s);
    if (s.is('..') || (s.is('-') && s.peek(1).kind === 'number')) {
      s.next();
      return done({ ...span, kind: 'range', min, max: readNumber(s) });
    }
    return done({ ...span, kind: 'literal', value: s.text.slice(start, s.lastEnd), literal: 'number' });
  }
  if (s.is('{')) {
    s.next();
    return done({ ...span, kind: 'object', members: parseMembers(s) });
  }
  if (s.is('(')) {
    const save = s.index;
    try {
      s.next();
      const inner = parseType(s);
      s.expect(')');
      if (!s.is('=>')) return { ...inner, start, end: s.lastEnd };
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
    s.index = save;
    s.skip();
    if (s.eat('=>')) parseType(s);
    return done({ ...span, kind: 'unknown' });
  }
  if (s.is('[')) {
    s.next();
    const types: TypeNode[] = [];
    while (!s.is(']')) {
      if (s.done) s.fail('expected ]');
      if (s.eat(',')) continue;
      s.eat('...');
      if (s.peek().kind === 'ident' && (s.is(':', 1) || (s.is('?', 1) && s.is(':', 2)))) while (!s.eat(':')) s.next();
      types.push(parseType(s));
    }
    s.next();
    return done({ ...span, kind: 'tuple', types });
  }
  if (token.kind === 'ident') {
    s.next();
    if (token.value === 'true' || token.value === 'false') return done({ ...span, kind: 'literal', value: token.value, literal: 'boolean' });
    if (token.value === 'readonly' && !s.is('<') && !s.is('.')) return { ...parsePostfixType(s), start };
    if (['typeof', 'keyof', 'unique', 'infer'].includes(token.value) && !s.is('<') && !s.is('.') && !s.is(',') && !s.is(';') && !s.is('}')) {
      parsePostfixType(s);
      return done({ ...span, kind: 'unknown' });
    }
    let name = token.value;
    while (s.is('.') && s.peek(1).kind === 'ident') {
      s.next();
      name += `.${s.next().value}`;
    }
    const args: TypeNode[] = [];
    if (s.is('<')) {
      s.next();
      while (!s.is('>')) {
        if (s.done) s.fail('expected >');
        if (s.eat(',')) continue;
        args.push(parseType(s));
      }
      s.next();
    }
    return done({ ...span, kind: 'ref', name, args });
  }
  return s.fail('expected a type');
}

const MODIFIERS = new Set(['readonly', 'public', 'private', 'protected', 'static', 'declare', 'abstract', 'override', 'accessor']);
const METHOD_PREFIXES = new Set(['get', 'set', 'async', 'function']);

/** Members of an object type or class body, after its `{`; consumes the closing `}`. */
export function parseMembers(s: TokenStream): Member[] {
  const members: Member[] = [];
  while (!s.is('}')) {
    if (s.done) s.fail('expected }');
    if (s.eat(',') || s.eat(';')) continue;
    const mark = { resume: s.index };
    try {
      parseMember(s, members, mark);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      s.index = mark.resume;
      recover(s);
    }
    if (!s.is(',') && !s.is(';') && !s.is('}') && !s.peek().nl) recover(s);
  }
  s.next();
  return members;
}

/** Skips to the end of a malformed member: a separator, the closing brace or a new line. */
function recover(s: TokenStream): void {
  const from = s.index;
  while (!s.done && !s.is('}') && !s.is(',') && !s.is(';') && !(s.index > from && s.peek().nl)) s.skip();
}

/** A `(` after a member name opens a method's parameters when `:`, `{` or `=>` follows its `)`. */
function isMethod(s: TokenStream): boolean {
  const save = s.index;
  try {
    s.skipAngles();
    if (!s.is('(')) return false;
    s.skip();
    return s.is(':') || s.is('{') || s.is('=>') || s.is(';');
  } finally {
    s.index = save;
  }
}

function skipMethod(s: TokenStream): void {
  s.skipAngles();
  if (s.is('(')) s.skip();
  if (s.eat(':')) parseType(s);
  if (s.is('{')) s.skip();
}

function parseMember(s: TokenStream, out: Member[], mark: { resume: number }): void {
  const decorators: Expr[] = [];
  while (s.is('@')) {
    s.next();
    decorators.push(parseExpression(s));
  }
  const modifiers: string[] = [];
  const keyish = (offset: number): boolean => ['ident', 'string', 'number'].includes(s.peek(offset).kind) || s.is('[', offset) || s.is('*', offset);
  while (s.peek().kind === 'ident' && MODIFIERS.has(s.peek().value) && keyish(1)) modifiers.push(s.next().value);
  if (s.peek().kind === 'ident' && METHOD_PREFIXES.has(s.peek().value) && keyish(1)) {
    s.next();
    s.eat('*');
    s.next();
    skipMethod(s);
    return;
  }
  if (s.is('[')) {
    s.skip();
    s.eat('?');
    if (s.eat(':')) parseType(s);
    return;
  }
  const key = s.next();
  if (key.kind !== 'ident' && key.kind !== 'string' && key.kind !== 'number') s.fail('expected a member name');
  const member: Member = { name: key.value, optional: false, annotations: [], decorators, modifiers, line: key.line };
  if (s.eat('?')) member.optional = true;
  else s.eat('!');
  if ((s.is('(') || s.is('<')) && isMethod(s)) {
    skipMethod(s);
    return;
  }
  out.push(member);
  mark.resume = s.index;
  if (s.eat(':')) member.type = parseType(s);
  while (s.is('(')) member.annotations.push(s.group());
  if (s.eat('=')) member.init = parseExpression(s);
}

/* ------------------------------------------------------------ declarations */

export interface Declaration {
  kind: 'interface' | 'type' | 'class' | 'enum';
  name: string;
  /** 0-based line of the name. */
  line: number;
  /** Members of an interface, class or object type alias (object parts of an intersection too). */
  members: Member[];
  /** A type alias's type. */
  type?: TypeNode;
  /** Class decorators (`@Entity('invoices')`). */
  decorators: Expr[];
  /** Enum member values (the string initializer, else the name). */
  values: string[];
}

function objectMembers(node: TypeNode | undefined): Member[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'object') return node.members;
  if (node.kind === 'intersection') {
    const parts = node.types.map(objectMembers).filter((members): members is Member[] => !!members);
    return parts.length ? parts.flat() : undefined;
  }
  return undefined;
}

/** `interface`, `type X =`, `class` and `enum` declarations anywhere in TypeScript code. */
export function readDeclarations(code: string): Declaration[] {
  const s = TokenStream.of(code);
  const found: Declaration[] = [];
  let decorators: Expr[] = [];
  while (!s.done) {
    const start = s.index;
    const keyword = s.peek();
    try {
      if (s.is('@') && s.peek(1).kind === 'ident') {
        s.next();
        decorators.push(parseExpression(s));
        continue;
      }
      const named = keyword.kind === 'ident' && s.peek(1).kind === 'ident';
      if (named && keyword.value === 'interface') {
        s.next();
        const name = s.next();
        while (!s.is('{') && !s.done) {
          if (s.is('<')) s.skipAngles();
          else s.next();
        }
        s.expect('{');
        found.push({ kind: 'interface', name: name.value, line: name.line, members: parseMembers(s), decorators: [], values: [] });
      } else if (named && keyword.value === 'type' && (s.is('=', 2) || s.is('<', 2))) {
        s.next();
        const name = s.next();
        s.skipAngles();
        s.expect('=');
        const type = parseType(s);
        found.push({ kind: 'type', name: name.value, line: name.line, members: objectMembers(type) ?? [], type, decorators: [], values: [] });
      } else if (named && keyword.value === 'class') {
        s.next();
        const name = s.next();
        while (!s.is('{') && !s.done) s.skip();
        s.expect('{');
        found.push({ kind: 'class', name: name.value, line: name.line, members: parseMembers(s), decorators, values: [] });
        decorators = [];
      } else if (named && keyword.value === 'enum') {
        s.next();
        const name = s.next();
        s.expect('{');
        const values: string[] = [];
        while (!s.is('}') && !s.done) {
          if (s.eat(',')) continue;
          const member = s.next();
          let value = member.value;
          if (s.eat('=')) {
            const init = parseExpression(s);
            if (init.kind === 'string') value = init.value;
          }
          values.push(value);
        }
        s.expect('}');
        found.push({ kind: 'enum', name: name.value, line: name.line, members: [], decorators: [], values });
      } else {
        s.next();
        if (!['export', 'default', 'abstract', 'declare'].includes(keyword.value)) decorators = [];
      }
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      s.index = start + 1;
      decorators = [];
    }
  }
  return found;
}

/* ------------------------------------------------------------------ fields */

type Shape = Attributes & { nullable?: boolean; undefinedable?: boolean };

const NAMED_TYPES: Record<string, Shape> = {
  string: { type: 'string' },
  String: { type: 'string' },
  number: { type: 'number' },
  Number: { type: 'number' },
  bigint: { type: 'integer' },
  int: { type: 'integer' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  Boolean: { type: 'boolean' },
  Date: { type: 'string', format: 'date-time' },
  object: { type: 'object' },
  Object: { type: 'object' },
  Record: { type: 'object' },
  Map: { type: 'object' },
  any: {},
  unknown: {},
  never: {},
  void: {},
  null: { nullable: true },
  undefined: { undefinedable: true },
};
const ARRAY_TYPES = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet']);

/** What a TypeScript type says about a field. */
export function typeShape(node: TypeNode | undefined): Shape {
  if (!node) return {};
  switch (node.kind) {
    case 'ref': {
      if (ARRAY_TYPES.has(node.name)) return { type: 'array', ...itemsOf(node.args[0]) };
      const known = NAMED_TYPES[node.name];
      if (known) return { ...known };
      const mapped = mapType(node.name);
      return mapped ? { type: mapped.type, ...(mapped.format ? { format: mapped.format } : {}) } : {};
    }
    case 'array':
    case 'tuple':
      return { type: 'array', ...(node.kind === 'array' ? itemsOf(node.element) : {}) };
    case 'object':
      return { type: 'object' };
    case 'intersection':
      return node.types.some((part) => part.kind === 'object') ? { type: 'object' } : typeShape(node.types[0]);
    case 'range': {
      const integral = Number.isInteger(node.min) && Number.isInteger(node.max);
      return { type: integral ? 'integer' : 'number', minimum: node.min, maximum: node.max };
    }
    case 'literal':
      if (node.literal === 'boolean') return { type: 'boolean' };
      // `count: 10` in a body written as an example states the type, not the one value allowed; a union of numbers does.
      if (node.literal === 'number') return { type: Number.isInteger(Number(node.value)) ? 'integer' : 'number' };
      return { type: 'string', enum: [node.value] };
    case 'union':
      return unionShape(node.types);
    default:
      return {};
  }
}

function itemsOf(node: TypeNode | undefined): { items?: FieldType } {
  const items = typeShape(node).type;
  return items ? { items } : {};
}

const isNullish = (node: TypeNode, name: 'null' | 'undefined'): boolean => node.kind === 'ref' && node.name === name;

function unionShape(parts: TypeNode[]): Shape {
  const nullable = parts.some((part) => isNullish(part, 'null'));
  const undefinedable = parts.some((part) => isNullish(part, 'undefined'));
  const rest = parts.filter((part) => !isNullish(part, 'null') && !isNullish(part, 'undefined'));
  const shapes = rest.map(typeShape);
  const types = new Set(shapes.map((one) => one.type));
  let shape: Shape = {};
  if (shapes.length === 1) shape = shapes[0];
  else if (shapes.length > 1 && (types.size === 1 || [...types].every((type) => type === 'integer' || type === 'number'))) {
    const type = types.size === 1 ? shapes[0].type : 'number';
    if (type) shape = { type };
    if (type && type !== 'boolean' && rest.every((part) => part.kind === 'literal')) shape.enum = [...new Set(rest.map((part) => (part.kind === 'literal' ? part.value : '')))];
  }
  if (nullable) shape.nullable = true;
  if (undefinedable) shape.undefinedable = true;
  return shape;
}

const addDescription = (attrs: Attributes, text: string): void => {
  attrs.description = attrs.description ? `${attrs.description}; ${text}` : text;
};

/** A min/max bound: a length for strings, a count for arrays, a value otherwise. */
function bound(attrs: Attributes, which: 'min' | 'max', value: number, exclusive = false): void {
  if (attrs.type === 'string') attrs[which === 'min' ? 'minLength' : 'maxLength'] = exclusive ? value + (which === 'min' ? 1 : -1) : value;
  else if (attrs.type === 'array') addDescription(attrs, `${which} ${exclusive ? value + (which === 'min' ? 1 : -1) : value} items`);
  else if (exclusive) attrs[which === 'min' ? 'exclusiveMinimum' : 'exclusiveMaximum'] = value;
  else attrs[which === 'min' ? 'minimum' : 'maximum'] = value;
}

const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
const UNIT = String.raw`(?:\s*[A-Za-z]+)?`;
const NOTE_MAX = new RegExp(String.raw`^(?:max(?:imum)?|at most|up to|no more than|<=|≤)\s*[:=]?\s*${NUM}${UNIT}$`, 'i');
const NOTE_MIN = new RegExp(String.raw`^(?:min(?:imum)?|at least|>=|≥)\s*[:=]?\s*${NUM}${UNIT}$`, 'i');
const NOTE_RANGE = new RegExp(String.raw`^(?:between\s+)?${NUM}\s*(?:\.\.|-|–|—|~|\bto\b|\band\b)\s*${NUM}${UNIT}$`, 'i');
const NOTE_GT = new RegExp(String.raw`^(?:>|greater than|more than)\s*${NUM}$`, 'i');
const NOTE_LT = new RegExp(String.raw`^(?:<|less than|below|under)\s*${NUM}$`, 'i');
const NOTE_DEFAULT = /^default(?:s)?(?:\s+(?:to|is))?\s*[:=]?\s*(.+)$/i;

/** A prose note after a member type: `URL`, `max 10`, `1-100`, `default 20`, `the page title`. */
function applyNote(attrs: Attributes, note: string): void {
  for (const piece of splitTopLevel(note, /[,;]/)) {
    let match: RegExpExecArray | null;
    const mapped = mapType(piece.replace(/^format\s*[:=]?\s*/i, ''));
    if ((match = NOTE_MAX.exec(piece))) bound(attrs, 'max', Number(match[1]));
    else if ((match = NOTE_MIN.exec(piece))) bound(attrs, 'min', Number(match[1]));
    else if ((match = NOTE_RANGE.exec(piece))) {
      bound(attrs, 'min', Number(match[1]));
      bound(attrs, 'max', Number(match[2]));
    } else if ((match = NOTE_GT.exec(piece))) bound(attrs, 'min', Number(match[1]), true);
    else if ((match = NOTE_LT.exec(piece))) bound(attrs, 'max', Number(match[1]), true);
    else if ((match = NOTE_DEFAULT.exec(piece))) {
      attrs.default = match[1].trim().replace(/^[`'"]|[`'"]$/g, '');
      attrs.required = false;
    } else if (/^optional$/i.test(piece)) attrs.required = false;
    else if (/^(?:required|nullable|not null|unique)$/i.test(piece)) continue;
    else if (mapped) {
      if (mapped.format && attrs.type !== 'array') attrs.format = mapped.format;
      if (!attrs.type || (attrs.type === 'number' && mapped.type === 'integer')) attrs.type = mapped.type;
    } else {
      const parsed = parseAttributes(piece);
      if (parsed.format && attrs.type !== 'array') attrs.format = parsed.format;
      if (!attrs.type && parsed.type) attrs.type = parsed.type;
      for (const [from, which] of [['minimum', 'min'], ['minLength', 'min'], ['maximum', 'max'], ['maxLength', 'max']] as const) {
        if (parsed[from] !== undefined) bound(attrs, which, parsed[from]!);
      }
      if (parsed.exclusiveMinimum !== undefined) bound(attrs, 'min', parsed.exclusiveMinimum, true);
      if (parsed.exclusiveMaximum !== undefined) bound(attrs, 'max', parsed.exclusiveMaximum, true);
      if (parsed.enum) attrs.enum = parsed.enum;
      if (parsed.default !== undefined) [attrs.default, attrs.required] = [parsed.default, false];
      if (parsed.required === false) attrs.required = false;
      if (parsed.description) addDescription(attrs, parsed.description);
    }
  }
}

/** A field from an object-type member; `line` is the document line of the parsed text's first line. */
export function memberField(member: Member, line: number): Field {
  const { nullable: _nullable, undefinedable, ...attrs } = typeShape(member.type);
  attrs.required = !member.optional && !undefinedable;
  for (const note of member.annotations) applyNote(attrs, note);
  return toField(member.name, attrs, line + member.line);
}

/** One field per name; a later member replaces an earlier one in its place. */
function uniqueFields(fields: Field[]): Field[] {
  const byName = new Map<string, Field>();
  for (const field of fields) byName.set(field.name, field);
  return [...byName.values()];
}

/* -------------------------------------------------------------------- zod */

const ZOD_TYPES: Record<string, { type?: FieldType; format?: string }> = {
  string: { type: 'string' },
  number: { type: 'number' },
  int: { type: 'integer' },
  int32: { type: 'integer' },
  int64: { type: 'integer' },
  bigint: { type: 'integer' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date-time' },
  email: { type: 'string', format: 'email' },
  url: { type: 'string', format: 'uri' },
  uuid: { type: 'string', format: 'uuid' },
  guid: { type: 'string', format: 'uuid' },
  datetime: { type: 'string', format: 'date-time' },
  object: { type: 'object' },
  strictObject: { type: 'object' },
  looseObject: { type: 'object' },
  record: { type: 'object' },
  map: { type: 'object' },
  array: { type: 'array' },
  set: { type: 'array' },
  tuple: { type: 'array' },
  any: {},
  unknown: {},
};
const ZOD_FORMATS: Record<string, string> = { url: 'uri', email: 'email', uuid: 'uuid', guid: 'uuid', datetime: 'date-time' };

/** What a zod schema expression says about a field, or undefined when it is not one. */
export function zodShape(expr: Expr, text: string): Attributes | undefined {
  const { root, steps } = chainOf(expr);
  if (root !== 'z' && root !== 'zod') return undefined;
  let at = 0;
  while (at < steps.length && !steps[at].called) at++;
  const base = steps[at];
  if (!base) return undefined;
  const attrs: Attributes = { required: true };
  const prefix = steps.slice(0, at).map((step) => step.name);
  const arg = base.args[0];
  if (base.name === 'optional' || base.name === 'nullish' || base.name === 'nullable') {
    Object.assign(attrs, arg ? zodShape(arg, text) : {});
    if (base.name !== 'nullable') attrs.required = false;
  } else if (base.name === 'enum' || base.name === 'nativeEnum') {
    attrs.type = 'string';
    if (arg?.kind === 'array') attrs.enum = arg.items.map((item) => literalText(item, text));
  } else if (base.name === 'literal' && arg) {
    attrs.type = arg.kind === 'number' ? (Number.isInteger(arg.value) ? 'integer' : 'number') : arg.kind === 'ident' && /^(?:true|false)$/.test(arg.name) ? 'boolean' : 'string';
    if (attrs.type !== 'boolean') attrs.enum = [literalText(arg, text)];
  } else if (base.name === 'union' && arg?.kind === 'array') {
    const parts = arg.items.map((item) => zodShape(item, text) ?? {});
    if (parts.length && parts.every((part) => part.type === parts[0].type)) attrs.type = parts[0].type;
    if (parts.length && parts.every((part) => part.enum)) attrs.enum = parts.flatMap((part) => part.enum ?? []);
  } else if (prefix.includes('iso') && base.name === 'date') Object.assign(attrs, { type: 'string', format: 'date' });
  else Object.assign(attrs, ZOD_TYPES[base.name] ?? {});
  if ((base.name === 'array' || base.name === 'set') && arg) {
    const items = zodShape(arg, text)?.type;
    if (items) attrs.items = items;
  }
  for (const step of steps.slice(at + 1)) applyZodMethod(attrs, step, text);
  return attrs;
}

function applyZodMethod(attrs: Attributes, step: ChainStep, text: string): void {
  const number = step.args[0]?.kind === 'number' ? step.args[0].value : undefined;
  switch (step.name) {
    case 'optional':
    case 'nullish':
      attrs.required = false;
      break;
    case 'default':
      if (step.args[0]) attrs.default = literalText(step.args[0], text);
      attrs.required = false;
      break;
    case 'int':
      attrs.type = 'integer';
      break;
    case 'array': {
      const items = attrs.type;
      for (const key of Object.keys(attrs) as Array<keyof Attributes>) if (key !== 'required') delete attrs[key];
      attrs.type = 'array';
      if (items) attrs.items = items;
      break;
    }
    case 'min':
    case 'gte':
      if (number !== undefined) bound(attrs, 'min', number);
      break;
    case 'max':
    case 'lte':
      if (number !== undefined) bound(attrs, 'max', number);
      break;
    case 'gt':
      if (number !== undefined) bound(attrs, 'min', number, true);
      break;
    case 'lt':
      if (number !== undefined) bound(attrs, 'max', number, true);
      break;
    case 'length':
      if (number !== undefined) bound(attrs, 'min', number), bound(attrs, 'max', number);
      break;
    case 'nonempty':
      bound(attrs, 'min', 1);
      break;
    case 'positive':
      attrs.exclusiveMinimum = 0;
      break;
    case 'nonnegative':
      attrs.minimum = 0;
      break;
    case 'describe':
      if (step.args[0]?.kind === 'string') addDescription(attrs, step.args[0].value);
      break;
    case 'date':
      if (attrs.type === 'string') attrs.format = 'date';
      break;
    default:
      if (ZOD_FORMATS[step.name]) attrs.format = ZOD_FORMATS[step.name];
  }
}

/** Fields of `z.object({...})` and its `.extend({...})`, `.partial()`, `.pick/.omit({...})`. */
function zodObjectFields(expr: Expr, text: string, line: number): Field[] | undefined {
  const { root, steps } = chainOf(expr);
  const base = steps[0];
  if ((root !== 'z' && root !== 'zod') || !base || !/^(?:object|strictObject|looseObject)$/.test(base.name) || base.args[0]?.kind !== 'object') return undefined;
  const fieldsOf = (object: Expr): Field[] =>
    object.kind !== 'object'
      ? []
      : object.props.flatMap((prop) => {
          const attrs = zodShape(prop.value, text);
          return attrs ? [toField(prop.key, attrs, line + prop.line)] : [{ name: prop.key, line: line + prop.line, required: true }];
        });
  let fields = fieldsOf(base.args[0]);
  for (const step of steps.slice(1)) {
    const keys = step.args[0]?.kind === 'object' ? step.args[0].props.map((prop) => prop.key) : [];
    if (step.name === 'extend' && step.args[0]) fields = [...fields, ...fieldsOf(step.args[0])];
    else if (step.name === 'partial') fields = fields.map((field) => ({ ...field, required: false }));
    else if (step.name === 'pick') fields = fields.filter((field) => keys.includes(field.name));
    else if (step.name === 'omit') fields = fields.filter((field) => !keys.includes(field.name));
  }
  return uniqueFields(fields);
}

/* ------------------------------------------------------------------ public */

/**
 * Fields of an object type or zod object written in a spec:
 * `{ url: string (URL), title?: string, limit: 1..100 }`, `z.object({ url: z.string().url() })`.
 * `line` is the document line of the text's first line. Undefined when the text is neither.
 */
export function readTypeLiteral(text: string, line: number): Field[] | undefined {
  const s = TokenStream.of(text);
  try {
    if (s.is('{')) {
      const type = parseType(s);
      while (s.eat(';') || s.eat(',')) continue;
      const members = s.done ? objectMembers(type) : undefined;
      return members && uniqueFields(members.map((member) => memberField(member, line)));
    }
    for (; !s.done; s.next()) {
      if ((s.is('z') || s.is('zod')) && s.is('.', 1) && /^(?:object|strictObject|looseObject)$/.test(s.peek(2).value) && s.is('(', 3)) {
        return zodObjectFields(parseExpression(s), text, line);
      }
    }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return undefined;
  }
  const declared = readInterfaces(text, line)[0];
  return declared?.fields;
}

/** `interface X { … }`, `export interface X extends Y { … }` and `type X = { … }` in TypeScript code. */
export function readInterfaces(code: string, firstLine: number): Array<{ name: string; line: number; fields: Field[] }> {
  return readDeclarations(code)
    .filter((declaration) => declaration.kind === 'interface' || (declaration.kind === 'type' && objectMembers(declaration.type)))
    .map((declaration) => ({
      name: declaration.name,
      line: firstLine + declaration.line,
      fields: uniqueFields(declaration.members.map((member) => memberField(member, firstLine))),
    }));
}
