import { describe, expect, it } from 'vitest';
import { readInterfaces, readTypeLiteral, tokenize } from '../../../lib/scope/grammar/typescript.js';

describe('readTypeLiteral: object types', () => {
  it('reads a spec-style bookmark type with notes, ranges, unions and nullables', () => {
    const fields = readTypeLiteral(
      "{ url: string (URL), title?: string, tags: string[] (max 10), limit: 1..100, status: 'active' | 'archived', meta?: { a: number }, createdAt: Date, n: number | null }",
      42,
    );
    expect(fields).toEqual([
      { name: 'url', line: 42, type: 'string', format: 'uri', required: true },
      { name: 'title', line: 42, type: 'string', required: false },
      { name: 'tags', line: 42, type: 'array', items: 'string', required: true, description: 'max 10 items' },
      { name: 'limit', line: 42, type: 'integer', minimum: 1, maximum: 100, required: true },
      { name: 'status', line: 42, type: 'string', enum: ['active', 'archived'], required: true },
      { name: 'meta', line: 42, type: 'object', required: false },
      { name: 'createdAt', line: 42, type: 'string', format: 'date-time', required: true },
      { name: 'n', line: 42, type: 'number', required: true },
    ]);
  });

  it('reads ranges as integer bounds, and decimal or negative ranges as numbers', () => {
    const fields = readTypeLiteral('{ pageSize: 1..50, discount: 0.5..0.9, offset: -10..10 }', 1)!;
    expect(fields.map(({ name, type, minimum, maximum }) => ({ name, type, minimum, maximum }))).toEqual([
      { name: 'pageSize', type: 'integer', minimum: 1, maximum: 50 },
      { name: 'discount', type: 'number', minimum: 0.5, maximum: 0.9 },
      { name: 'offset', type: 'integer', minimum: -10, maximum: 10 },
    ]);
  });

  it('marks `?` and `| undefined` optional but keeps `| null` required', () => {
    const fields = readTypeLiteral('{ folder?: string, note: string | undefined, archivedAt: Date | null }', 3)!;
    expect(fields.map((field) => [field.name, field.required])).toEqual([
      ['folder', false],
      ['note', false],
      ['archivedAt', true],
    ]);
    expect(fields[2]).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('reads parenthesised prose notes by the member type', () => {
    const fields = readTypeLiteral(
      "{ url: string (url), owner: string (email), id: string (uuid), title: string (max 200 chars), page: number (min 1), perPage: integer (1-100, default 20), label: string (the bookmark's label) }",
      7,
    )!;
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.url.format).toBe('uri');
    expect(byName.owner.format).toBe('email');
    expect(byName.id.format).toBe('uuid');
    expect(byName.title).toMatchObject({ type: 'string', maxLength: 200 });
    expect(byName.title.maximum).toBeUndefined();
    expect(byName.page).toMatchObject({ type: 'number', minimum: 1 });
    expect(byName.perPage).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: '20', required: false });
    expect(byName.label.description).toBe("the bookmark's label");
  });

  it('maps named types: Array<T>, bigint, int, Record, tuples, boolean and number literal unions', () => {
    const fields = readTypeLiteral('{ ids: Array<number>, size: bigint, count: int, attrs: Record<string, string>, pair: [string, number], pinned: true | false, rating: 1 | 2 | 3 }', 1)!;
    expect(fields).toEqual([
      { name: 'ids', line: 1, type: 'array', items: 'number', required: true },
      { name: 'size', line: 1, type: 'integer', required: true },
      { name: 'count', line: 1, type: 'integer', required: true },
      { name: 'attrs', line: 1, type: 'object', required: true },
      { name: 'pair', line: 1, type: 'array', required: true },
      { name: 'pinned', line: 1, type: 'boolean', required: true },
      { name: 'rating', line: 1, type: 'integer', enum: ['1', '2', '3'], required: true },
    ]);
  });

  it('gives each member of a multi-line type its own line, skipping comments', () => {
    const text = ['{', '  url: string', '  // shown in the list', '  tags?: string[] // up to ten', '  folderId: string;', '}'].join('\n');
    const fields = readTypeLiteral(text, 20)!;
    expect(fields.map((field) => [field.name, field.line])).toEqual([
      ['url', 21],
      ['tags', 23],
      ['folderId', 24],
    ]);
  });

  it('keeps one field per name', () => {
    const fields = readTypeLiteral('{ title: string, title: number }', 1)!;
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ name: 'title', type: 'number' });
  });

  it('skips index signatures, methods and malformed members but keeps the rest', () => {
    const fields = readTypeLiteral('{ [key: string]: unknown, url: string, ??? nonsense, save(): void, title?: string }', 1)!;
    expect(fields.map((field) => field.name)).toEqual(['url', 'title']);
  });

  it('returns undefined for text that is not an object type or zod object', () => {
    expect(readTypeLiteral('string[]', 1)).toBeUndefined();
    expect(readTypeLiteral("'archived'", 1)).toBeUndefined();
    expect(readTypeLiteral('Bookmark', 1)).toBeUndefined();
    expect(readTypeLiteral('z.string().url()', 1)).toBeUndefined();
    expect(readTypeLiteral('{ url: string', 1)).toBeUndefined();
    expect(readTypeLiteral('{ url: string } and then some prose', 1)).toBeUndefined();
  });
});

describe('readTypeLiteral: zod objects', () => {
  it('reads the bookmark input schema', () => {
    const fields = readTypeLiteral(
      'z.object({ url: z.string().url(), title: z.string().max(200).optional(), tags: z.array(z.string()).max(10), limit: z.number().int().min(1).max(100).default(20) })',
      9,
    );
    expect(fields).toEqual([
      { name: 'url', line: 9, type: 'string', format: 'uri', required: true },
      { name: 'title', line: 9, type: 'string', maxLength: 200, required: false },
      { name: 'tags', line: 9, type: 'array', items: 'string', description: 'max 10 items', required: true },
      { name: 'limit', line: 9, type: 'integer', minimum: 1, maximum: 100, default: '20', required: false },
    ]);
  });

  it('reads enums, coercion, nullish, formats and array chains inside a declaration', () => {
    const code = [
      'const InvoiceQuery = z.object({',
      "  status: z.enum(['draft', 'sent', 'paid']).default('draft'),",
      '  page: z.coerce.number().int().positive(),',
      '  customerEmail: z.string().email().nullish(),',
      '  ids: z.string().uuid().array().min(1),',
      '  issuedAfter: z.iso.datetime(),',
      '});',
    ].join('\n');
    expect(readTypeLiteral(code, 100)).toEqual([
      { name: 'status', line: 101, type: 'string', enum: ['draft', 'sent', 'paid'], default: 'draft', required: false },
      { name: 'page', line: 102, type: 'integer', exclusiveMinimum: 0, required: true },
      { name: 'customerEmail', line: 103, type: 'string', format: 'email', required: false },
      { name: 'ids', line: 104, type: 'array', items: 'string', description: 'min 1 items', required: true },
      { name: 'issuedAfter', line: 105, type: 'string', format: 'date-time', required: true },
    ]);
  });

  it('applies extend, partial and omit', () => {
    const fields = readTypeLiteral("z.object({ sku: z.string(), qty: z.number() }).extend({ bin: z.string().length(6) }).omit({ qty: true }).partial()", 1)!;
    expect(fields).toEqual([
      { name: 'sku', line: 1, type: 'string', required: false },
      { name: 'bin', line: 1, type: 'string', minLength: 6, maxLength: 6, required: false },
    ]);
  });
});

describe('readInterfaces', () => {
  it('reads interfaces (with extends and generics) and object type aliases with their lines', () => {
    const code = [
      "import type { Base } from './base';",
      'export interface Invoice extends Base<string>, Audited {',
      '  number: string;',
      '  totalCents: number',
      '  dueOn?: Date',
      '  get overdue(): boolean;',
      '  send(to: string): Promise<void>;',
      '}',
      "type InvoiceStatus = 'draft' | 'paid';",
      'export type LineItem = { sku: string } & { qty: 1..999 };',
    ].join('\n');
    expect(readInterfaces(code, 50)).toEqual([
      {
        name: 'Invoice',
        line: 51,
        fields: [
          { name: 'number', line: 52, type: 'string', required: true },
          { name: 'totalCents', line: 53, type: 'number', required: true },
          { name: 'dueOn', line: 54, type: 'string', format: 'date-time', required: false },
        ],
      },
      {
        name: 'LineItem',
        line: 59,
        fields: [
          { name: 'sku', line: 59, type: 'string', required: true },
          { name: 'qty', line: 59, type: 'integer', minimum: 1, maximum: 999, required: true },
        ],
      },
    ]);
  });

  it('does not read `type` or `interface` used as property names as declarations', () => {
    const code = 'const shelf = { type: 1, interface: 2 };\ninterface Shelf { type: string; interface: string }';
    const found = readInterfaces(code, 1);
    expect(found.map((entry) => entry.name)).toEqual(['Shelf']);
    expect(found[0].fields.map((field) => field.name)).toEqual(['type', 'interface']);
  });
});

describe('tokenize', () => {
  it('treats an unclosed apostrophe as punctuation and tracks lines', () => {
    const tokens = tokenize("a: it's\nb: 'x'");
    expect(tokens.filter((token) => token.kind === 'string').map((token) => token.value)).toEqual(['x']);
    expect(tokens.find((token) => token.value === 'b')).toMatchObject({ line: 1, nl: true });
  });
});
