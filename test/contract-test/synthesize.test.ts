// Request bodies and parameters made from a schema: valid by the schema (checked
// with the same Ajv + formats the generated TypeScript tests use), minimal, deterministic.
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../lib/contract-test/synthesize.js';

type Json = Record<string, unknown>;
const addFormats = (ajvFormats as unknown as { default: typeof ajvFormats.default }).default ?? ajvFormats;
const components: Json = {
  Money: { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer', exclusiveMinimum: 0 }, currency: { type: 'string', enum: ['EUR', 'USD'] } } },
  Line: { type: 'object', required: ['sku', 'quantity'], properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{3}$' }, quantity: { type: 'integer', minimum: 1, maximum: 99 } } },
  Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } },
  Loop: { type: 'object', required: ['next'], properties: { next: { $ref: '#/components/schemas/Loop' } } },
};
const document: Json = { components: { schemas: components } };
function resolve(node: unknown): unknown {
  let current = node;
  while (typeof current === 'object' && current !== null && typeof (current as Json).$ref === 'string') {
    const ref = (current as Json).$ref as string;
    current = ref.slice(2).split('/').reduce<unknown>((acc, key) => (acc as Json)?.[key], document);
  }
  return current;
}
const make = (schema: unknown, writing = true) => synthesize(schema, { resolve, writing });

function validator(version: '3.0' | '3.1') {
  const ajv = version === '3.0' ? new Ajv({ strict: false }) : new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'oas' });
  return (schema: Json, value: unknown): boolean => {
    const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"oas#/components')) as Json;
    return ajv.validate(rewritten, value) as boolean;
  };
}

describe('synthesize', () => {
  const valid31 = validator('3.1');

  it.each<[string, Json]>([
    ['formats', { type: 'object', required: ['email', 'id', 'at', 'day', 'site', 'ref', 'host', 'ip'], properties: {
      email: { type: 'string', format: 'email' }, id: { type: 'string', format: 'uuid' }, at: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' }, site: { type: 'string', format: 'uri' }, ref: { type: 'string', format: 'uri-reference' },
      host: { type: 'string', format: 'hostname' }, ip: { type: 'string', format: 'ipv4' },
    } }],
    ['numbers at their bounds', { type: 'object', required: ['a', 'b', 'c', 'd', 'e', 'f'], properties: {
      a: { type: 'integer', exclusiveMinimum: 0 }, b: { type: 'integer', minimum: 10 }, c: { type: 'integer', maximum: -5 },
      d: { type: 'number', exclusiveMinimum: 0.5, exclusiveMaximum: 1 }, e: { type: 'integer', minimum: 3, multipleOf: 5 }, f: { type: 'integer', minimum: 0, maximum: 0 },
    } }],
    ['strings with lengths and patterns', { type: 'object', required: ['long', 'short', 'code', 'sku'], properties: {
      long: { type: 'string', minLength: 12 }, short: { type: 'string', maxLength: 2 }, code: { type: 'string', pattern: '^[A-Z]{3}$' },
      sku: { type: 'string', pattern: '^[a-z]+-[0-9]+$' },
    } }],
    ['refs, arrays and nesting', { type: 'object', required: ['total', 'lines'], properties: {
      total: { $ref: '#/components/schemas/Money' }, lines: { type: 'array', minItems: 2, items: { $ref: '#/components/schemas/Line' } },
    } }],
    ['allOf merges, oneOf takes a branch that works', { allOf: [{ $ref: '#/components/schemas/Money' }, { type: 'object', required: ['note'], properties: { note: { oneOf: [{ type: 'string', pattern: '^\\d{40}$' }, { type: 'boolean' }] } } }] }],
    ['3.1 type lists and const', { type: 'object', required: ['maybe', 'fixed'], properties: { maybe: { type: ['null', 'integer'], minimum: 2 }, fixed: { const: 'v1' } } }],
    ['optional recursion is left out', { $ref: '#/components/schemas/Node' }],
  ])('makes a valid value: %s', (_name, schema) => {
    const result = make(schema);
    expect(result.gap).toBeUndefined();
    expect(valid31(schema, result.value)).toBe(true);
    expect(make(schema)).toEqual(result);
  });

  it('respects the 3.0 boolean exclusiveMinimum and exclusiveMaximum', () => {
    expect(make({ type: 'integer', minimum: 5, exclusiveMinimum: true }).value).toBe(6);
    expect(make({ type: 'integer', minimum: 0, maximum: 1, exclusiveMinimum: true, exclusiveMaximum: false }).value).toBe(1);
    expect(make({ type: 'integer', maximum: 0, exclusiveMaximum: true }).value).toBe(-1);
    const money = { $ref: '#/components/schemas/Money' };
    expect(validator('3.0')(money, make(money).value)).toBe(true);
  });

  it('prefers the contract: example, examples, default, enum (first value)', () => {
    expect(make({ type: 'string', example: 'from-example' }).value).toBe('from-example');
    expect(make({ type: 'string', examples: ['first', 'second'] }).value).toBe('first');
    expect(make({ type: 'integer', default: 20 }).value).toBe(20);
    expect(make({ type: 'string', enum: ['pending', 'paid'] }).value).toBe('pending');
  });

  it('fills required properties only, but every property of a top-level object that requires none', () => {
    expect(make({ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } } }).value).toEqual({ a: 'string' });
    expect(make({ type: 'object', properties: { amount_cents: { type: 'integer', exclusiveMinimum: 0 }, recipient_email: { type: 'string' }, meta: { type: 'object', properties: { x: { type: 'string' } } } } }).value)
      .toEqual({ amount_cents: 1, recipient_email: 'user@example.com', meta: {} });
  });

  it('leaves readOnly properties out of request bodies', () => {
    const schema = { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } };
    expect(make(schema).value).toEqual({ name: 'string' });
    expect(make(schema, false).value).toEqual({ id: 'string', name: 'string' });
  });

  it.each<[string, Json, RegExp]>([
    ['an unmatched pattern', { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[0-9]{12}$' } } }, /a string matching \^\[0-9\]\{12\}\$ for "code"/],
    ['contradictory bounds', { type: 'integer', minimum: 5, maximum: 3 }, /no integer fits/],
    ['a required cycle', { $ref: '#/components/schemas/Loop' }, /nests too deep/],
    ['a false schema', { type: 'object', required: ['x'], properties: { x: false } }, /allows nothing/],
  ])('names a gap instead of guessing: %s', (_name, schema, gap) => {
    const result = make(schema);
    expect(result.value).toBeUndefined();
    expect(result.gap).toMatch(gap);
  });
});
