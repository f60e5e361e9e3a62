// Example bodies as specs write them (a JSON request or response under an
// endpoint): strict JSON, or JSON with the liberties of hand-written docs —
// comments, trailing commas, unquoted keys, `...` for "and so on". The fields
// and their JSON types come from the example's keys and values; nothing else
// is inferred (an example says nothing about what is required).
import type { Field, FieldType } from '../../types.js';
import { type Token, tokenize } from './typescript.js';

type Value =
  | { kind: 'object'; members: Array<{ key: string; line: number; value: Value }> }
  | { kind: 'array'; items: Value[] }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'boolean' | 'null' | 'other' };

class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  get done(): boolean {
    return this.at >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private skipEllipsis(): void {
    while (this.peek()?.kind === 'punct' && /^\.{2,3}$|^…$/.test(this.peek()!.value)) this.at++;
  }

  value(depth = 0): Value | undefined {
    if (depth > 64) return undefined;
    this.skipEllipsis();
    const token = this.tokens[this.at++];
    if (!token) return undefined;
    if (token.kind === 'punct' && token.value === '{') return this.object(depth);
    if (token.kind === 'punct' && token.value === '[') return this.array(depth);
    if (token.kind === 'string') return { kind: 'string', text: token.value };
    if (token.kind === 'number') return { kind: 'number', text: token.value };
    if (token.kind === 'punct' && token.value === '-' && this.peek()?.kind === 'number') return { kind: 'number', text: `-${this.tokens[this.at++].value}` };
    if (token.kind === 'ident' && (token.value === 'true' || token.value === 'false')) return { kind: 'boolean' };
    if (token.kind === 'ident' && token.value === 'null') return { kind: 'null' };
    return { kind: 'other' };
  }

  private object(depth: number): Value | undefined {
    const members: Array<{ key: string; line: number; value: Value }> = [];
    for (;;) {
      this.skipEllipsis();
      const token = this.tokens[this.at++];
      if (!token) return undefined;
      if (token.kind === 'punct' && token.value === '}') return { kind: 'object', members };
      if (token.kind === 'punct' && token.value === ',') continue;
      if (token.kind !== 'string' && token.kind !== 'ident') return undefined;
      const colon = this.tokens[this.at++];
      if (colon?.kind !== 'punct' || colon.value !== ':') return undefined;
      const value = this.value(depth + 1);
      if (!value) return undefined;
      members.push({ key: token.value, line: token.line, value });
    }
  }

  private array(depth: number): Value | undefined {
    const items: Value[] = [];
    for (;;) {
      this.skipEllipsis();
      const token = this.peek();
      if (!token) return undefined;
      if (token.kind === 'punct' && token.value === ']') {
        this.at++;
        return { kind: 'array', items };
      }
      if (token.kind === 'punct' && token.value === ',') {
        this.at++;
        continue;
      }
      const value = this.value(depth + 1);
      if (!value) return undefined;
      items.push(value);
    }
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const URI = /^https?:\/\/\S+$/;

function typeOf(value: Value): { type?: FieldType; format?: string } {
  switch (value.kind) {
    case 'object':
      return { type: 'object' };
    case 'array':
      return { type: 'array' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: /^-?\d+$/.test(value.text) ? 'integer' : 'number' };
    case 'string': {
      const format = DATE_TIME.test(value.text) ? 'date-time' : DATE.test(value.text) ? 'date' : UUID.test(value.text) ? 'uuid' : EMAIL.test(value.text) ? 'email' : URI.test(value.text) ? 'uri' : undefined;
      return format ? { type: 'string', format } : { type: 'string' };
    }
    default:
      return {};
  }
}

/** The top-level object of an example (an array's first object for a list). */
export interface JsonExample {
  fields: Field[];
  /** The example is an array of objects: a list. */
  list: boolean;
}

/**
 * Reads a JSON example body; `firstLine` is the 1-based line of the example's
 * first line. Undefined when the text is not an object (or a list of objects).
 */
export function readJsonExample(text: string, firstLine: number): JsonExample | undefined {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  const reader = new Reader(tokenize(text, { lineComments: ['//', '#'] }).filter((token) => token.kind !== 'eof'));
  const root = reader.value();
  if (!root || !reader.done) return undefined;
  const list = root.kind === 'array';
  const object = root.kind === 'array' ? root.items.find((item) => item.kind === 'object') : root;
  if (object?.kind !== 'object' || !object.members.length) return undefined;
  // A bare word as a value (`url: string`) makes it a type, not an example: the type readers take it.
  if (object.members.some((member) => member.value.kind === 'other')) return undefined;
  const fields: Field[] = [];
  for (const member of object.members) {
    if (!/^[A-Za-z_$][\w$.-]*$/.test(member.key) || fields.some((field) => field.name === member.key)) continue;
    const field: Field = { name: member.key, line: firstLine + member.line, ...typeOf(member.value) };
    if (member.value.kind === 'array') {
      const item = member.value.items[0];
      const itemType = item ? typeOf(item).type : undefined;
      if (itemType && itemType !== 'array') field.items = itemType;
    }
    fields.push(field);
  }
  return fields.length ? { fields, list } : undefined;
}
