import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract, validateContract } from '../../lib/contract/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { jwtStack, orderRefundsScope } from './order-refunds.scope.js';

const options = { apiStyle: 'rest' as const, title: 'Order refunds', stack: jwtStack(), location: 'auto' as const };
const CREATE = '/v1/orders/{orderId}/refunds';

describe('REST contract for the order-refunds example', () => {
  it('lints with zero errors (Redocly recommended + our rules)', async () => {
    const started = performance.now();
    const result = await buildContract(orderRefundsScope(), options);
    const elapsed = performance.now() - started;
    const errors = result.artifact.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.artifact.kind).toBe('openapi');
    expect(result.artifact.operationCount).toBe(4);
    // Lint time (import of Redocly included on a cold run) stays far below a second.
    expect(elapsed).toBeLessThan(5000);
  });

  it('describes the four operations with the stated fields', async () => {
    const { artifact } = await buildContract(orderRefundsScope(), options);
    const doc = parse(artifact.text);
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths[CREATE].post;
    expect(create.operationId).toBe('createOrderRefund');
    expect(doc.paths[CREATE].get.operationId).toBe('listOrderRefunds');
    expect(doc.paths['/v1/refunds/{refundId}'].get.operationId).toBe('getRefund');
    expect(doc.paths['/v1/webhooks/stripe'].post.operationId).toBe('receiveStripeWebhook');

    const body = doc.components.schemas.CreateOrderRefundRequest;
    expect(body.required).toEqual(['amount_cents', 'reason']);
    expect(body.properties.amount_cents).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
    expect(body.properties.reason.enum).toEqual(['duplicate', 'fraudulent', 'requested_by_customer']);
    expect(body.properties.note.type).toBe('string');
    expect(body.additionalProperties).toBe(false);
  });

  it('puts Idempotency-Key on the retry-safe POST only, with 409 and 422', async () => {
    const { artifact } = await buildContract(orderRefundsScope(), options);
    const doc = parse(artifact.text);
    const create = doc.paths[CREATE].post;
    expect(create.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: true });
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '403', '404', '409', '422', '429']);
    const webhook = doc.paths['/v1/webhooks/stripe'].post;
    expect(JSON.stringify(webhook.parameters)).not.toContain('IdempotencyKey');
  });

  it('paginates the list with limit/cursor and {items, next_cursor}', async () => {
    const { artifact } = await buildContract(orderRefundsScope(), options);
    const doc = parse(artifact.text);
    const list = doc.paths[CREATE].get;
    expect(list.parameters).toEqual(expect.arrayContaining([{ $ref: '#/components/parameters/Limit' }, { $ref: '#/components/parameters/Cursor' }]));
    expect(list.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RefundList' });
    expect(Object.keys(doc.components.schemas.RefundList.properties)).toEqual(['items', 'next_cursor']);
    expect(doc.components.parameters.Limit.schema).toMatchObject({ default: 20, maximum: 100 });
  });

  it('documents errors as shared problem+json responses and 429 with rate-limit headers', async () => {
    const { artifact } = await buildContract(orderRefundsScope(), options);
    const doc = parse(artifact.text);
    for (const [name, response] of Object.entries<any>(doc.components.responses)) {
      expect(Object.keys(response.content), name).toEqual(['application/problem+json']);
      expect(response.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
    expect(Object.keys(doc.components.responses.TooManyRequests.headers)).toEqual(['Retry-After', 'RateLimit', 'RateLimit-Policy']);
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
    for (const pathItem of Object.values<any>(doc.paths)) {
      for (const operation of Object.values<any>(pathItem)) expect(operation.responses['429']).toBeDefined();
    }
  });

  it('derives scopes per resource and leaves the signed webhook public', async () => {
    const { artifact } = await buildContract(orderRefundsScope(), options);
    const doc = parse(artifact.text);
    expect(doc.paths[CREATE].post.security).toEqual([{ bearerAuth: ['app.refunds.write'] }]);
    expect(doc.paths[CREATE].get.security).toEqual([{ bearerAuth: ['app.refunds.read'] }]);
    const webhook = doc.paths['/v1/webhooks/stripe'].post;
    expect(webhook.security).toEqual([]);
    expect(webhook.parameters[0]).toMatchObject({ name: 'Stripe-Signature', in: 'header', required: true });
    expect(Object.keys(webhook.responses)).not.toContain('403');
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('is byte-identical for the same Scope', async () => {
    const first = await buildContract(orderRefundsScope(), options);
    const second = await buildContract(orderRefundsScope(), options);
    expect(second.artifact.text).toBe(first.artifact.text);
    expect(second.excerpt).toBe(first.excerpt);
    expect(JSON.stringify(second.checklist)).toBe(JSON.stringify(first.checklist));
  });

  it('goes to a file (too big to inline) with a one-operation excerpt', async () => {
    const result = await buildContract(orderRefundsScope(), options);
    expect(result.placement).toBe('file');
    expect(result.artifact.fileName).toBe('openapi.yaml');
    const excerpt = parse(result.excerpt);
    expect(Object.keys(excerpt.paths)).toEqual([CREATE]);
    expect(Object.keys(excerpt.paths[CREATE])).toEqual(['post']);
    expect(Object.keys(excerpt.components.schemas)).toEqual(['CreateOrderRefundRequest']);
  });

  it('honours location inline/file over the automatic choice', async () => {
    const inline = await buildContract(orderRefundsScope(), { ...options, location: 'inline' });
    expect(inline.placement).toBe('inline');
    expect(inline.excerpt).toBe(inline.artifact.text);
    const scope = orderRefundsScope();
    scope.operations = [scope.operations[2]];
    scope.authz = [];
    const small = await buildContract(scope, { ...options, location: 'file' });
    expect(small.placement).toBe('file');
  });

  it('types unstated columns as string without asking again (the scope asks once for all untyped columns)', async () => {
    const result = await buildContract(orderRefundsScope(), options);
    const doc = parse(result.artifact.text);
    expect(doc.components.schemas.Refund.properties.currency).toEqual({ type: 'string' });
    expect(result.questions.find((item) => item.text.startsWith('Refund: no type is stated'))).toBeUndefined();
  });

  it('asks about an untyped response field that is no column', async () => {
    const scope = orderRefundsScope();
    const refund = scope.operations.find((op) => op.kind === 'rest' && op.method === 'POST')!;
    refund.responseFields.push({ name: 'receipt_note', line: refund.line });
    scope.entities = scope.entities.filter((entity) => !/refund/i.test(entity.table));
    const result = await buildContract(scope, options);
    expect(result.questions.some((item) => /no type is stated for .*`receipt_note`/.test(item.text))).toBe(true);
  });

  it('keeps a validated artifact re-checkable on its own', async () => {
    const { artifact } = await buildContract(orderRefundsScope(), options);
    const problems = await validateContract(artifact);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});

describe('security schemes from the detected auth', () => {
  const stackWith = (value: string): ServiceStack => ({ ...jwtStack(), auth: [{ value, confidence: 0.8, evidence: [] }] });
  const schemesFor = async (value: string | undefined) => {
    const result = await buildContract(orderRefundsScope(), { ...options, stack: value ? stackWith(value) : undefined });
    return { doc: parse(result.artifact.text), result };
  };

  it('session → cookie apiKey, and asks for the cookie name', async () => {
    const { doc, result } = await schemesFor('session');
    expect(doc.components.securitySchemes.cookieAuth).toEqual({ type: 'apiKey', in: 'cookie', name: 'session' });
    // A session cookie carries no scopes: the requirement is the session, and the checklist names no scope.
    expect(doc.paths[CREATE].post.security).toEqual([{ cookieAuth: [] }]);
    const scopes = result.checklist.find((item) => item.topic === 'authScopes');
    expect(scopes?.decision).toContain('→ a signed-in session');
    expect(scopes?.decision).not.toContain('app.refunds');
    expect(result.questions.some((question) => question.text.includes('cookie name'))).toBe(true);
    expect(result.checklist.find((item) => item.topic === 'cors')?.facts.credentials).toBe(true);
  });

  it('oauth → oauth2 with every used scope declared', async () => {
    const { doc, result } = await schemesFor('oauth2');
    const flow = doc.components.securitySchemes.oauth2.flows.authorizationCode;
    expect(Object.keys(flow.scopes)).toEqual(['app.refunds.write', 'app.refunds.read']);
    expect(result.artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('oidc → openIdConnect', async () => {
    const { doc } = await schemesFor('oidc');
    expect(doc.components.securitySchemes.openIdConnect.type).toBe('openIdConnect');
  });

  it('no detected auth → bearer, with an open question', async () => {
    const { doc, result } = await schemesFor(undefined);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
    expect(result.questions.some((question) => question.text.includes('No authentication was detected'))).toBe(true);
  });
});
