import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttributes, parseTypeLiteral, parseZodObject } from '../../lib/scope/fields.js';
import { singular } from '../../lib/naming/index.js';
import { normalizePath, restOperationName } from '../../lib/scope/naming.js';
import { parseCount, toMilliseconds } from '../../lib/scope/numbers.js';
import { extractScope } from '../../lib/scope/index.js';

describe('operation names', () => {
  it.each([
    ['POST', '/v1/orders/{orderId}/refunds', 'createOrderRefund'],
    ['GET', '/v1/orders/{orderId}/refunds', 'listOrderRefunds'],
    ['GET', '/v1/refunds/{refundId}', 'getRefund'],
    ['PATCH', '/v1/refunds/{refundId}', 'updateRefund'],
    ['DELETE', '/api/users/{id}', 'deleteUser'],
    ['POST', '/v1/orders/{id}:cancel', 'cancelOrder'],
    ['POST', '/v1/orders/{id}/cancel', 'cancelOrder'],
    ['GET', '/v1/categories', 'listCategories'],
    ['GET', '/v1/me', 'getMe'],
    ['GET', '/v1/addresses/{id}', 'getAddress'],
  ])('%s %s → %s', (method, path, name) => {
    expect(restOperationName(method, path)).toBe(name);
  });

  it('names webhooks after their source', () => {
    expect(restOperationName('POST', '/v1/webhooks/stripe', { webhook: true })).toBe('receiveStripeWebhook');
    expect(restOperationName('POST', '/v1/github/webhook', { webhook: true })).toBe('receiveGithubWebhook');
  });

  it('keeps names unique within a scope', () => {
    const scope = extractScope('- `GET /v1/users/{id}`\n- `GET /v2/users/{id}`\n');
    expect(scope.operations.map((op) => op.name)).toEqual(['getUser', 'getUser2']);
  });

  it('singularises common plurals', () => {
    expect(['refunds', 'categories', 'addresses', 'boxes', 'people', 'status'].map(singular)).toEqual(['refund', 'category', 'address', 'box', 'person', 'status']);
  });
});

describe('paths', () => {
  it('turns :id, <id> and [id] into {id} and reads query names', () => {
    expect(normalizePath('/api/users/:id')).toEqual({ path: '/api/users/{id}', query: [] });
    expect(normalizePath('/users/<int:id>/posts/[slug]')).toEqual({ path: '/users/{id}/posts/{slug}', query: [] });
    expect(normalizePath('/v1/refunds?status=pending&limit=20')).toEqual({ path: '/v1/refunds', query: ['status', 'limit'] });
    expect(normalizePath('/v1/orders/{id}:cancel').path).toBe('/v1/orders/{id}:cancel');
  });
});

describe('numbers', () => {
  it.each([
    ['2 million', 2_000_000],
    ['2M', 2_000_000],
    ['1,200,000', 1_200_000],
    ['500k', 500_000],
    ['40萬', 400_000],
    ['2 百萬', 2_000_000],
    ['兩百萬', 2_000_000],
    ['三千萬', 30_000_000],
    ['1.5億', 150_000_000],
    ['一億兩千萬', 120_000_000],
  ])('%s → %d', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it('reads durations', () => {
    expect(toMilliseconds('300', 'ms')).toBe(300);
    expect(toMilliseconds('1', 's')).toBe(1000);
    expect(toMilliseconds('1.5', 'seconds')).toBe(1500);
    expect(toMilliseconds('250', '毫秒')).toBe(250);
  });

  it('parses any plain integer back to itself', () => {
    fc.assert(fc.property(fc.nat(10_000_000), (value) => parseCount(String(value)) === value));
  });
});

describe('attributes', () => {
  it('reads types, bounds, enums and flags', () => {
    expect(parseAttributes('integer, > 0, at most what is still refundable')).toEqual({ type: 'integer', typeWord: 'integer', exclusiveMinimum: 0, description: 'at most what is still refundable' });
    expect(parseAttributes('one of `a`, `b`, `c`')).toEqual({ type: 'string', enum: ['a', 'b', 'c'] });
    expect(parseAttributes('`pending|done`')).toMatchObject({ enum: ['pending', 'done'] });
    expect(parseAttributes('string, required, 1-200 chars')).toMatchObject({ type: 'string', required: true, minLength: 1, maxLength: 200 });
    expect(parseAttributes('integer, between 1 and 100, default 20')).toMatchObject({ minimum: 1, maximum: 100, default: '20' });
    expect(parseAttributes('FK → orders.id, unique, not null')).toMatchObject({ references: 'orders.id', unique: true, nullable: false });
    expect(parseAttributes('varchar(255), nullable')).toMatchObject({ typeWord: 'varchar(255)', type: 'string', nullable: true });
    expect(parseAttributes('array of uuid')).toMatchObject({ type: 'array', items: 'string' });
    expect(parseAttributes('字串，必填，最長 50 字元')).toMatchObject({ type: 'string', required: true, maxLength: 50 });
    expect(parseAttributes('`a`、`b` 或 `c` 之一')).toMatchObject({ enum: ['a', 'b', 'c'] });
  });

  it('reads TypeScript type literals and zod objects', () => {
    expect(parseTypeLiteral("{ url: string; kind?: 'a' | 'b'; tags: string[] }", 3)).toEqual([
      { name: 'url', line: 3, type: 'string', required: true },
      { name: 'kind', line: 3, type: 'string', enum: ['a', 'b'], required: false },
      { name: 'tags', line: 3, type: 'array', items: 'string', required: true },
    ]);
    expect(parseZodObject('z.object({ n: z.number().int().min(1).max(9), e: z.string().email().optional() })', 1)).toEqual([
      { name: 'n', line: 1, required: true, type: 'integer', minimum: 1, maximum: 9 },
      { name: 'e', line: 1, required: false, type: 'string', format: 'email' },
    ]);
  });
});

describe('robustness', () => {
  const pieces = ['# T\n', '## Backend\n', '## Out of scope\n', '- `POST /v1/a/{id}/b` (x)\n', '| Method | Path |\n|---|---|\n| GET | /v1/a |\n', '```sql\nCREATE TABLE t (id int);\n```\n', 'New table `t`: `a` (', '只有 `admin` 可以刪除', 'p95 under 3 ms\n', '`x.y` mutation\n', '\r\n', '*', '`', '('];

  it('never throws and keeps operation names unique on arbitrary documents', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 12 }), (parts) => {
        const scope = extractScope(parts.join(''));
        const names = scope.operations.map((op) => op.name);
        return new Set(names).size === names.length;
      }),
      { numRuns: 300 },
    );
  });

  it('reads nothing from a document that only has a Backend section', () => {
    const scope = extractScope('# T\n\n## Backend\n\n- `POST /v1/x` with `a` (string)\n- New table `x`\n');
    expect(scope.operations).toEqual([]);
    expect(scope.entities).toEqual([]);
  });
});
