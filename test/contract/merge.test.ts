import { readFileSync } from 'node:fs';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { isMagiError } from '../../lib/errors.js';
import { jwtStack, orderRefundsScope } from './order-refunds.scope.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/openapi/${name}`, import.meta.url), 'utf8');
const mergeInto = (name: string, text = fixture(name)) =>
  buildContract(orderRefundsScope(), { apiStyle: 'rest', title: 'Order refunds', stack: jwtStack(), location: 'auto', existingOpenApi: { path: `docs/${name}`, text } });

/** Every change between the two texts is an addition: no original byte was removed or altered. */
function onlyAdditions(before: string, after: string): boolean {
  return diffLines(before, after).every((part) => !part.removed);
}

describe('merging into an existing OpenAPI file', () => {
  it('keeps every original byte (comments, flow style, quotes) and only adds', async () => {
    const original = fixture('shop-existing.yaml');
    const { artifact, placement, warnings } = await mergeInto('shop-existing.yaml');
    expect(onlyAdditions(original, artifact.text)).toBe(true);
    for (const kept of ['# Shop API — maintained by hand. Keep this header.', 'version: 1.4.0   # bumped on every release', '  # Orders are read-only for customers.', "        - bearerAuth: ['app.orders.read']", '            application/json:   # legacy error shape, to be migrated']) {
      expect(artifact.text).toContain(kept);
    }
    expect(placement).toBe('file');
    expect(artifact.fileName).toBe('docs/shop-existing.yaml');
    expect(warnings).toEqual([]);
  });

  it('adds the new paths, components and tags after the existing ones, in their order', async () => {
    const { artifact } = await mergeInto('shop-existing.yaml');
    const doc = parse(artifact.text);
    expect(Object.keys(doc.paths)).toEqual(['/v1/orders/{orderId}', '/v1/orders/{orderId}/refunds', '/v1/refunds/{refundId}', '/v1/webhooks/stripe']);
    expect(Object.keys(doc.paths['/v1/orders/{orderId}/refunds'])).toEqual(['post', 'get']);
    expect(Object.keys(doc.components.schemas).slice(0, 2)).toEqual(['Order', 'Refund']);
    expect(doc.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
    expect(doc.tags.map((tag: { name: string }) => tag.name)).toEqual(['orders', 'refunds', 'webhooks']);
    // Inserted text follows the file's quoting style.
    expect(artifact.text).toContain("$ref: '#/components/schemas/Refund'");
  });

  it('lints the merged file: the existing part\'s own problems are warnings, ours must be clean', async () => {
    const { artifact } = await mergeInto('shop-existing.yaml');
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const legacy = artifact.problems.find((problem) => problem.location === '#/paths/~1v1~1orders~1{orderId}/get/responses/404');
    expect(legacy?.severity).toBe('warning');
    expect(legacy?.message).toContain('(existing part of the file)');
  });

  it('is idempotent: merging the merged file again changes nothing and warns about nothing', async () => {
    const first = await mergeInto('shop-existing.yaml');
    const second = await mergeInto('shop-existing.yaml', first.artifact.text);
    expect(second.artifact.text).toBe(first.artifact.text);
    expect(second.warnings).toEqual([]);
  });

  it('reports a collision and breaking changes, and never overwrites the existing operation', async () => {
    const original = fixture('shop-collision.yaml');
    const { artifact, warnings, questions } = await mergeInto('shop-collision.yaml');
    expect(onlyAdditions(original, artifact.text)).toBe(true);
    const doc = parse(artifact.text);
    expect(doc.paths['/v1/orders/{orderId}/refunds'].post.summary).toBe('Refund an order (old shape)');
    expect(doc.paths['/v1/orders/{orderId}/refunds'].get.operationId).toBe('listOrderRefunds');
    // The request schema only the colliding operation needed is not added.
    expect(doc.components.schemas.CreateOrderRefundRequest).toBeUndefined();
    expect(doc.components.schemas.Refund.properties.id.type).toBe('integer');

    const codes = warnings.map((warning) => warning.code);
    expect(codes).toContain('contract-collision');
    const breaking = warnings.filter((warning) => warning.code === 'breaking-change').map((warning) => warning.message);
    expect(breaking.some((message) => message.includes('field `amount` would be removed'))).toBe(true);
    expect(breaking.some((message) => message.includes('new required field `reason`'))).toBe(true);
    expect(breaking.some((message) => message.includes('header parameter `idempotency-key`'))).toBe(true);
    expect(breaking.some((message) => message.includes('components.schemas.Refund: field `id` would change type from integer to string'))).toBe(true);
    expect(questions.some((question) => question.text.includes('POST /v1/orders/{orderId}/refunds exists in'))).toBe(true);
    // The kept legacy operation does not block the write; nothing we added has errors.
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('keeps a four-space indented file four-space', async () => {
    const original = fixture('four-space.yaml');
    const { artifact } = await mergeInto('four-space.yaml');
    expect(onlyAdditions(original, artifact.text)).toBe(true);
    expect(artifact.text).toContain('\n    /v1/orders/{orderId}/refunds:\n        post:\n            operationId: createOrderRefund\n');
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('turns an empty flow map (`paths: {}`) into a block and keeps the rest', async () => {
    const { artifact } = await mergeInto('flow-paths.yaml');
    expect(artifact.text.startsWith('openapi: 3.1.0\ninfo: {title: Empty API, version: 0.0.1}\n# nothing here yet\npaths:\n  /v1/orders/{orderId}/refunds:\n')).toBe(true);
    expect(Object.keys(parse(artifact.text).paths)).toHaveLength(3);
  });

  it('throws a MagiError for a file that is not OpenAPI', async () => {
    const error = await mergeInto('x.yaml', 'just: [a, list').catch((caught: unknown) => caught);
    expect(isMagiError(error)).toBe(true);
    const notOpenApi = await mergeInto('x.yaml', 'name: not an api\n').catch((caught: unknown) => caught);
    expect(isMagiError(notOpenApi) && notOpenApi.id).toBe('openapi-parse');
  });
});
