// The Scope the extractor should produce for the order-refunds sample sprint,
// written by hand so the contract stage can be tested on its own.

import type { Operation, Scope, ServiceStack } from '../../lib/types.js';

const op = (partial: Partial<Operation> & Pick<Operation, 'name' | 'line'>): Operation => ({
  kind: 'rest',
  pathParams: [],
  queryParams: [],
  requestFields: [],
  responseFields: [],
  list: false,
  retrySafe: false,
  ...partial,
});

export function orderRefundsScope(): Scope {
  return {
    title: 'Order refunds',
    operations: [
      op({
        line: 26,
        method: 'POST',
        path: '/v1/orders/{orderId}/refunds',
        name: 'createOrderRefund',
        summary: 'Create a refund for an order',
        pathParams: ['orderId'],
        requestFields: [
          { line: 26, name: 'amount_cents', type: 'integer', required: true, exclusiveMinimum: 0, description: 'At most what is still refundable on the order.' },
          { line: 27, name: 'reason', type: 'string', required: true, enum: ['duplicate', 'fraudulent', 'requested_by_customer'] },
          { line: 28, name: 'note', required: false },
        ],
        retrySafe: true,
      }),
      op({
        line: 30,
        method: 'GET',
        path: '/v1/orders/{orderId}/refunds',
        name: 'listOrderRefunds',
        summary: "List an order's refunds, newest first",
        pathParams: ['orderId'],
        list: true,
      }),
      op({ line: 32, method: 'GET', path: '/v1/refunds/{refundId}', name: 'getRefund', summary: 'Get one refund', pathParams: ['refundId'] }),
      op({
        line: 33,
        method: 'POST',
        path: '/v1/webhooks/stripe',
        name: 'receiveStripeWebhook',
        summary: 'Receive Stripe refund events',
        unauthenticated: true,
      }),
    ],
    entities: [
      {
        line: 38,
        table: 'refunds',
        change: 'new-table',
        columns: [
          { line: 38, name: 'id' },
          { line: 38, name: 'order_id', references: 'orders.id' },
          { line: 38, name: 'amount_cents' },
          { line: 39, name: 'currency' },
          { line: 39, name: 'reason' },
          { line: 39, name: 'note' },
          { line: 39, name: 'status', enum: ['pending', 'succeeded', 'failed'] },
          { line: 40, name: 'stripe_refund_id', unique: true },
          { line: 40, name: 'created_by' },
          { line: 40, name: 'created_at' },
          { line: 40, name: 'updated_at' },
        ],
      },
      {
        line: 41,
        table: 'orders',
        change: 'alter-table',
        columns: [{ line: 41, name: 'refunded_cents', type: 'integer', default: '0', nullable: false }],
        rowsHint: { text: 'about 2 million rows in production', count: 2_000_000, line: 42 },
      },
    ],
    authz: [
      { line: 36, text: 'Only users with the role support or admin may create refunds.', roles: ['support', 'admin'], operations: ['POST /v1/orders/{orderId}/refunds'] },
      { line: 37, text: 'A customer may read the refunds of their own orders.', roles: ['customer'], ownership: 'own orders', operations: ['GET /v1/orders/{orderId}/refunds', 'GET /v1/refunds/{refundId}'] },
    ],
    integrations: [
      { line: 33, name: 'Stripe', kind: 'webhook', verification: 'Stripe signature (Stripe-Signature header)', text: 'receives charge.refund.updated events; Stripe signs each event' },
      { line: 7, name: 'Stripe', kind: 'outbound', text: 'create refunds through the Stripe API' },
    ],
    jobs: [{ line: 43, text: 'A nightly job finds refunds pending for more than 24 hours and asks Stripe for their status.', schedule: 'nightly' }],
    slos: [{ line: 45, text: "Creating a refund: p95 under 300 ms, not counting Stripe's own latency.", percentile: 'p95', thresholdMs: 300, operation: 'POST /v1/orders/{orderId}/refunds' }],
    outOfScope: [
      { line: 48, text: 'The refund button in the admin UI (frontend sprint).' },
      { line: 49, text: 'Partial refunds of shipping fees.' },
    ],
    services: [],
    hasFrontendItems: true,
    questions: [],
  };
}

export function jwtStack(): ServiceStack {
  return {
    name: 'shop-api',
    path: '.',
    kind: 'app',
    databases: [],
    auth: [{ value: 'jwt', confidence: 0.9, evidence: [{ file: 'src/auth.ts', line: 3 }] }],
    apiStyles: [{ value: 'rest', confidence: 0.9, evidence: [{ file: 'src/app.ts', line: 1 }] }],
    jobs: [],
    ambiguities: [],
  };
}
