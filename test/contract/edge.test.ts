import { describe, expect, it } from 'vitest';
import { buildContract } from '../../lib/contract/index.js';
import type { Scope } from '../../lib/types.js';
import { orderRefundsScope } from './order-refunds.scope.js';

const empty = (): Scope => ({ ...orderRefundsScope(), operations: [], authz: [], integrations: [] });

describe('edge cases', () => {
  it.each(['rest', 'graphql', 'grpc', 'trpc'] as const)('%s: a scope without operations still gives a valid contract', async (apiStyle) => {
    const result = await buildContract(empty(), { apiStyle, title: 'Nothing', location: 'auto' });
    expect(result.artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.artifact.operationCount).toBe(0);
    expect(result.checklist).toHaveLength(8);
  });

  it('rest: an operation without method/path is left out and asked about', async () => {
    const scope = empty();
    scope.operations = [{ kind: 'graphql-query', name: 'refunds', line: 1, pathParams: [], queryParams: [], requestFields: [], responseFields: [], list: true, retrySafe: false }];
    const result = await buildContract(scope, { apiStyle: 'rest', title: 'X', location: 'auto' });
    expect(result.artifact.operationCount).toBe(0);
    expect(result.questions.some((question) => question.text.includes('refunds has no HTTP method and path'))).toBe(true);
  });

  it('rest: a public mutation with no stated verification raises a heavy question', async () => {
    const scope = empty();
    scope.operations = [{ kind: 'rest', method: 'POST', path: '/v1/callbacks/acme', name: 'receiveAcmeCallback', line: 1, pathParams: [], queryParams: [], requestFields: [], responseFields: [], list: false, retrySafe: false, unauthenticated: true }];
    const result = await buildContract(scope, { apiStyle: 'rest', title: 'X', location: 'auto' });
    expect(result.questions[0].weight).toBe(5);
    expect(result.questions[0].text).toContain('POST /v1/callbacks/acme takes no user session');
    expect(result.artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
