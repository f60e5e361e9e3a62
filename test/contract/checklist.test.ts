import { describe, expect, it } from 'vitest';
import { buildContract, CHECKLIST_TOPICS } from '../../lib/contract/index.js';
import type { Scope } from '../../lib/types.js';
import { jwtStack, orderRefundsScope } from './order-refunds.scope.js';

const checklistFor = async (scope: Scope) =>
  (await buildContract(scope, { apiStyle: 'rest', title: 'Order refunds', stack: jwtStack(), location: 'auto' })).checklist;
const item = (list: Awaited<ReturnType<typeof checklistFor>>, topic: string) => list.find((entry) => entry.topic === topic)!;

describe('contract review checklist', () => {
  it('has the eight topics in order, each with a rule and facts', async () => {
    const checklist = await checklistFor(orderRefundsScope());
    expect(checklist.map((entry) => entry.topic)).toEqual([...CHECKLIST_TOPICS]);
    for (const entry of checklist) {
      expect(entry.rule.length).toBeGreaterThan(0);
      expect(entry.decision.length).toBeGreaterThan(0);
      expect(typeof entry.facts).toBe('object');
    }
  });

  it('derives its facts from the order-refunds operations', async () => {
    const checklist = await checklistFor(orderRefundsScope());
    expect(item(checklist, 'versioning').facts.versionPrefix).toBe('v1');
    expect(item(checklist, 'pagination').facts.lists).toEqual(['GET /v1/orders/{orderId}/refunds']);
    expect(item(checklist, 'idempotency').facts.keyed).toEqual(['POST /v1/orders/{orderId}/refunds']);
    expect(item(checklist, 'idempotency').facts.webhooks).toEqual(['POST /v1/webhooks/stripe']);
    expect(item(checklist, 'authScopes').facts.scopes).toEqual({
      'POST /v1/orders/{orderId}/refunds': ['app.refunds.write'],
      'GET /v1/orders/{orderId}/refunds': ['app.refunds.read'],
      'GET /v1/refunds/{refundId}': ['app.refunds.read'],
    });
    expect(Object.keys(item(checklist, 'authScopes').facts.public as object)).toEqual(['POST /v1/webhooks/stripe']);
    expect(item(checklist, 'cors').facts.serverToServer).toEqual(['POST /v1/webhooks/stripe']);
    expect(item(checklist, 'cors').facts.allowHeaders).toContain('Idempotency-Key');
    expect((item(checklist, 'errors').facts.statuses as Record<string, number[]>)['GET /v1/refunds/{refundId}']).toEqual([401, 403, 404, 429]);
  });

  it('changes when the operations change (not canned text)', async () => {
    const scope = orderRefundsScope();
    for (const op of scope.operations) op.path = op.path?.replace('/v1', '');
    scope.operations = scope.operations.filter((op) => !op.list).map((op) => ({ ...op, retrySafe: false }));
    scope.operations[2].queryParams = [{ line: 1, name: 'status', type: 'string', enum: ['pending', 'failed'] }];
    const checklist = await checklistFor(scope);
    expect(item(checklist, 'versioning').facts.versionPrefix).toBe('none');
    expect(item(checklist, 'versioning').decision).toContain('No version prefix');
    expect(item(checklist, 'pagination').facts.lists).toEqual([]);
    expect(item(checklist, 'pagination').decision).toBe('No operation returns a collection in this sprint.');
    expect(item(checklist, 'idempotency').facts.keyed).toEqual([]);
    expect(item(checklist, 'idempotency').facts.notRetrySafe).toEqual(['POST /orders/{orderId}/refunds']);
    expect(item(checklist, 'cors').facts.allowHeaders).not.toContain('Idempotency-Key');
  });

  it('lists filters stated as query parameters', async () => {
    const scope = orderRefundsScope();
    scope.operations[1].queryParams = [{ line: 30, name: 'status', type: 'string', enum: ['pending', 'succeeded', 'failed'] }, { line: 30, name: 'limit', type: 'integer' }];
    const result = await buildContract(scope, { apiStyle: 'rest', title: 'Order refunds', stack: jwtStack(), location: 'auto' });
    expect(item(result.checklist, 'filtering').facts.filters).toEqual({ 'GET /v1/orders/{orderId}/refunds': ['status'] });
    expect(result.artifact.text).toContain('name: status\n          in: query');
    expect(result.artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
