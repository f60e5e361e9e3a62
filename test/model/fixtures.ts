// Hand-built stage inputs (Scope, ServiceStack, ContractSummary) for the model and render tests.

import type { Column, Detected, Entity, Field, Operation, Scope, ServiceStack } from '../../lib/types.js';
import type { ChecklistItem, ContractSummary } from '../../lib/model/index.js';
import type { ModelInput } from '../../lib/model/index.js';

export const d = <T extends string>(value: T, file: string, line?: number, confidence = 0.95): Detected<T> => ({ value, confidence, evidence: [{ file, line }] });

export function service(name: string, parts: Partial<ServiceStack>): ServiceStack {
  return { name, path: '.', kind: 'app', databases: [], auth: [], apiStyles: [], jobs: [], ambiguities: [], ...parts };
}

export const field = (name: string, line: number, rest: Partial<Field> = {}): Field => ({ name, line, ...rest });
export const column = (name: string, line: number, rest: Partial<Column> = {}): Column => ({ name, line, ...rest });

export function op(kind: Operation['kind'], name: string, line: number, rest: Partial<Operation> = {}): Operation {
  return { kind, name, line, pathParams: [], queryParams: [], requestFields: [], responseFields: [], list: false, retrySafe: false, ...rest };
}
export const rest = (method: string, path: string, name: string, line: number, more: Partial<Operation> = {}): Operation => {
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return op('rest', name, line, { method, path, pathParams, ...more });
};

export function scope(parts: Partial<Scope>): Scope {
  return { operations: [], entities: [], authz: [], integrations: [], jobs: [], slos: [], outOfScope: [], services: [], hasFrontendItems: false, questions: [], ...parts };
}

export function contract(kind: ContractSummary['kind'], excerpt: string, checklist: ChecklistItem[] = [], placement: ContractSummary['placement'] = 'inline'): ContractSummary {
  const meta = { openapi: ['openapi.yaml', 'yaml'], graphql: ['schema.graphql', 'graphql'], proto: ['service.proto', 'protobuf'], trpc: ['router.ts', 'ts'] }[kind];
  return { kind, placement, fileName: meta[0], excerpt, fence: meta[1], checklist };
}

// ---------------------------------------------------------------- refunds (the sample sprint)

const entity = (table: string, change: Entity['change'], line: number, columns: Column[], rowsHint?: Entity['rowsHint']): Entity => ({ table, change, line, columns, rowsHint });

export function refundsScope(): Scope {
  return scope({
    title: 'Order refunds',
    operations: [
      rest('POST', '/v1/orders/{orderId}/refunds', 'createRefund', 36, {
        summary: 'creates a refund',
        retrySafe: true,
        requestFields: [
          field('amount_cents', 37, { type: 'integer', required: true, exclusiveMinimum: 0, description: 'at most what is still refundable' }),
          field('reason', 38, { type: 'string', required: true, enum: ['duplicate', 'fraudulent', 'requested_by_customer'] }),
          field('note', 39, { type: 'string', required: false }),
        ],
      }),
      rest('GET', '/v1/orders/{orderId}/refunds', 'listOrderRefunds', 41, { list: true, summary: "lists an order's refunds, newest first" }),
      rest('GET', '/v1/refunds/{refundId}', 'getRefund', 43),
      rest('POST', '/v1/webhooks/stripe', 'receiveStripeWebhook', 44, { unauthenticated: true }),
    ],
    entities: [
      entity('refunds', 'new-table', 48, [
        column('id', 48),
        column('order_id', 48, { references: 'orders', nullable: false }),
        column('amount_cents', 48, { type: 'integer', nullable: false }),
        column('currency', 49, { nullable: false }),
        column('reason', 49, { enum: ['duplicate', 'fraudulent', 'requested_by_customer'] }),
        column('note', 49, { nullable: true }),
        column('status', 49, { enum: ['pending', 'succeeded', 'failed'], nullable: false }),
        column('stripe_refund_id', 50, { unique: true }),
        column('created_by', 50),
        column('created_at', 50),
        column('updated_at', 50),
      ]),
      entity('orders', 'alter-table', 51, [column('refunded_cents', 51, { type: 'integer', default: '0', nullable: false })], { text: 'about 2 million rows', count: 2_000_000, line: 52 }),
    ],
    authz: [
      { line: 46, text: 'Only users with the role `support` or `admin` may create refunds.', roles: ['support', 'admin'], operations: ['POST /v1/orders/{orderId}/refunds'] },
      { line: 47, text: 'A customer may read the refunds of their own orders.', roles: ['customer'], ownership: 'own orders', operations: ['GET /v1/orders/{orderId}/refunds', 'GET /v1/refunds/{refundId}'] },
    ],
    integrations: [{ line: 44, name: 'Stripe', kind: 'webhook', verification: 'signature', text: 'Stripe signs each event; there is no user session on this call.' }],
    jobs: [{ line: 53, text: 'A nightly job finds refunds `pending` for more than 24 hours and asks Stripe for their status.', schedule: 'nightly' }],
    slos: [{ line: 55, text: "Creating a refund: p95 under 300 ms, not counting Stripe's own latency.", percentile: 'p95', thresholdMs: 300, operation: 'POST /v1/orders/{orderId}/refunds' }],
    outOfScope: [{ line: 58, text: 'The refund button in the admin UI (frontend sprint).' }],
    hasFrontendItems: true,
  });
}

export const REFUNDS_EXCERPT = `openapi: 3.1.0
info:
  title: Order refunds
  version: 1.0.0
paths:
  /v1/orders/{orderId}/refunds:
    post:
      operationId: createRefund
      parameters:
        - $ref: '#/components/parameters/IdempotencyKey'
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/CreateRefundRequest'
      responses:
        '201': { $ref: '#/components/responses/Refund' }
        '409': { $ref: '#/components/responses/Problem' }
        '422': { $ref: '#/components/responses/Problem' }`;

export const REST_CHECKLIST: ChecklistItem[] = [
  { topic: 'versioning', decision: 'Major version in the path (`/v1`); no breaking change inside v1.', applies: [], rule: 'AIP-185', facts: { versionPrefix: 'v1' } },
  { topic: 'pagination', decision: '`GET /v1/orders/{orderId}/refunds` is paginated with `limit` and `cursor` (default 20, maximum 100).', applies: ['GET /v1/orders/{orderId}/refunds'], rule: 'AIP-158', facts: { lists: ['GET /v1/orders/{orderId}/refunds'], params: ['limit', 'cursor'], response: ['items', 'next_cursor'], defaultLimit: 20, maxLimit: 100 } },
  { topic: 'errors', decision: 'Every error is application/problem+json.', applies: [], rule: 'RFC 9457', facts: { format: 'application/problem+json' } },
  { topic: 'idempotency', decision: '`POST /v1/orders/{orderId}/refunds` accepts the Idempotency-Key header.', applies: ['POST /v1/orders/{orderId}/refunds'], rule: 'draft-ietf-httpapi-idempotency-key-header', facts: { carrier: 'Idempotency-Key header', keyed: ['POST /v1/orders/{orderId}/refunds'], webhooks: ['POST /v1/webhooks/stripe'], retentionHours: 24 } },
];

export function expressService(): ServiceStack {
  return service('shop-api', {
    language: d('typescript', 'tsconfig.json'),
    framework: d('express', 'src/app.ts', 3),
    appEntry: d('src/app.ts#app', 'src/app.ts', 12),
    orm: d('prisma', 'prisma/schema.prisma', 1),
    databases: [d('postgres', 'docker-compose.yml', 8), d('redis', 'docker-compose.yml', 15)],
    auth: [d('jwt', 'src/middleware/auth.ts', 4)],
    apiStyles: [d('rest', 'src/app.ts', 3)],
    jobs: [d('bullmq', 'src/jobs/queue.ts', 1)],
    logger: d('pino', 'src/logger.ts', 1),
    validation: d('zod', 'src/routes/orders.ts', 2),
    testRunner: d('vitest', 'package.json', 20),
    packageManager: d('pnpm', 'pnpm-lock.yaml'),
    testDir: d('test', 'test/app.test.ts'),
  });
}

export function refundsInput(overrides: Partial<ModelInput> = {}): ModelInput {
  return {
    scope: refundsScope(),
    service: expressService(),
    contract: contract('openapi', REFUNDS_EXCERPT, REST_CHECKLIST, 'file'),
    sprint: { dir: 'docs/03-order-refunds', num: '03', slug: 'order-refunds' },
    answers: {},
    ...overrides,
  };
}
