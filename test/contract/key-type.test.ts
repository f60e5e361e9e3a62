// Ids and references travel as the repository's key type: a uuid repo sends `format: uuid` strings, an
// integer repo integers; a repository that shows no key keeps the opaque string.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import type { KeyType } from '../../lib/knowledge/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { jwtStack, orderRefundsScope } from './order-refunds.scope.js';

function stackWithKey(type: KeyType | undefined): ServiceStack {
  const stack = jwtStack();
  if (type) stack.layout = { primaryKey: { type, evidence: [{ file: 'db/schema.sql', line: 2 }] } } as ServiceStack['layout'];
  return stack;
}

async function documentFor(type: KeyType | undefined) {
  const { artifact } = await buildContract(orderRefundsScope(), { apiStyle: 'rest', title: 'Order refunds', stack: stackWithKey(type), location: 'auto' });
  expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return parse(artifact.text);
}

const pathParam = (doc: any, path: string, method: string, name: string) =>
  [...(doc.paths[path].parameters ?? []), ...(doc.paths[path][method].parameters ?? [])].find((parameter: any) => parameter.name === name)?.schema;

describe('key type of the repository in the contract', () => {
  it.each([
    ['uuid', { type: 'string', format: 'uuid' }],
    ['bigint', { type: 'integer', format: 'int64' }],
    ['integer', { type: 'integer' }],
    [undefined, { type: 'string' }],
  ] as const)('%s keys: path ids and the resource id share one schema', async (type, expected) => {
    const doc = await documentFor(type);
    expect(pathParam(doc, '/v1/orders/{orderId}/refunds', 'post', 'orderId')).toEqual(expected);
    expect(pathParam(doc, '/v1/refunds/{refundId}', 'get', 'refundId')).toEqual(expected);
    expect(doc.components.schemas.Refund.properties.id).toEqual(expected);
  });
});
