import { describe, expect, it } from 'vitest';
import { buildContract } from '../../lib/contract/index.js';
import type { Operation, Scope } from '../../lib/types.js';
import { jwtStack, orderRefundsScope } from './order-refunds.scope.js';

const build = (apiStyle: 'graphql' | 'grpc' | 'trpc', scope: Scope = orderRefundsScope()) =>
  buildContract(scope, { apiStyle, title: 'Order refunds', serviceName: 'shop', stack: jwtStack(), location: 'auto' });

describe('GraphQL SDL', () => {
  it('validates and uses Relay connections, input and payload types', async () => {
    const { artifact, questions } = await build('graphql');
    expect(artifact.problems).toEqual([]);
    expect(artifact.fileName).toBe('schema.graphql');
    expect(artifact.text).toContain('listOrderRefunds(orderId: ID!, first: Int = 20, after: String): RefundConnection!');
    expect(artifact.text).toMatch(/type RefundEdge \{\n {2}node: Refund!\n {2}cursor: String!\n\}/);
    expect(artifact.text).toContain('hasNextPage: Boolean!');
    expect(artifact.text).toContain('createOrderRefund(input: CreateOrderRefundInput!): CreateOrderRefundPayload!');
    expect(artifact.text).toMatch(/input CreateOrderRefundInput \{[^}]*amountCents: Int![^}]*reason: RefundReason![^}]*idempotencyKey: String!/s);
    expect(artifact.text).toContain('REQUESTED_BY_CUSTOMER');
    // The webhook is HTTP, not part of the schema.
    expect(artifact.text).not.toContain('receiveStripeWebhook');
    expect(questions.some((question) => question.text.includes('POST /v1/webhooks/stripe is a webhook'))).toBe(true);
  });

  it('checklist speaks of Relay pagination', async () => {
    const { checklist } = await build('graphql');
    expect(checklist.find((item) => item.topic === 'pagination')?.facts.params).toEqual(['first', 'after']);
  });
});

describe('proto3 (AIP style)', () => {
  it('validates with page_token pagination and request_id idempotency', async () => {
    const { artifact, checklist } = await build('grpc');
    expect(artifact.problems).toEqual([]);
    expect(artifact.fileName).toBe('shop.proto');
    expect(artifact.text).toContain('package shop.v1;');
    expect(artifact.text).toContain('rpc ListOrderRefunds(ListOrderRefundsRequest) returns (ListOrderRefundsResponse);');
    expect(artifact.text).toMatch(/message ListOrderRefundsRequest \{[^}]*int32 page_size = 2;[^}]*string page_token = 3;/s);
    expect(artifact.text).toContain('string next_page_token = 2;');
    expect(artifact.text).toMatch(/message CreateOrderRefundRequest \{[^}]*string request_id = 5;/s);
    expect(artifact.text).toContain('REFUND_REASON_UNSPECIFIED = 0;');
    expect(checklist.find((item) => item.topic === 'versioning')?.facts.package).toBe('shop.v1');
  });

  it('imports well-known types it uses and still resolves', async () => {
    const scope = orderRefundsScope();
    scope.entities[0].columns.push({ line: 40, name: 'metadata', type: 'jsonb' }, { line: 40, name: 'refunded_at', type: 'timestamptz' });
    const { artifact } = await build('grpc', scope);
    expect(artifact.text).toContain('import "google/protobuf/struct.proto";');
    expect(artifact.text).toContain('import "google/protobuf/timestamp.proto";');
    expect(artifact.problems).toEqual([]);
  });
});

describe('tRPC router outline', () => {
  it('has zod inputs and passes the syntax check', async () => {
    const { artifact } = await build('trpc');
    expect(artifact.problems).toEqual([]);
    expect(artifact.fileName).toBe('shop.router.ts');
    expect(artifact.text).toContain('export const shopRouter = router({');
    expect(artifact.text).toContain('amount_cents: z.number().int().gt(0),');
    expect(artifact.text).toContain("reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']),");
    expect(artifact.text).toContain('note: z.string().optional(),');
    expect(artifact.text).toContain('limit: z.number().int().min(1).max(100).default(20),');
    expect(artifact.text).toMatch(/createOrderRefund: protectedProcedure[\s\S]*\.mutation\(/);
  });

  it('nests dotted procedure names under sub-routers', async () => {
    const procedure = (name: string, kind: Operation['kind']): Operation => ({
      kind, name, line: 1, pathParams: [], queryParams: [], requestFields: [{ line: 1, name: 'url', type: 'string', required: true }], responseFields: [], list: false, retrySafe: false,
    });
    const scope: Scope = { ...orderRefundsScope(), operations: [procedure('bookmark.create', 'trpc-mutation'), { ...procedure('bookmark.list', 'trpc-query'), requestFields: [], list: true }], entities: [], authz: [] };
    const { artifact, checklist } = await build('trpc', scope);
    expect(artifact.problems).toEqual([]);
    expect(artifact.text).toMatch(/ {2}bookmark: router\(\{\n[\s\S]* {4}create: protectedProcedure/);
    expect(checklist.find((item) => item.topic === 'pagination')?.applies).toEqual(['bookmark.list']);
    expect(checklist.find((item) => item.topic === 'authScopes')?.facts.scopes).toEqual({ 'bookmark.create': ['app.bookmarks.write'], 'bookmark.list': ['app.bookmarks.read'] });
  });
});

describe('a namespaced procedure works on its namespace', () => {
  it('`loan.return` (a verb outside the vocabulary) returns Loan, never a made-up LoanReturn', async () => {
    const procedure: Operation = { kind: 'trpc-mutation', name: 'loan.return', line: 1, pathParams: [], queryParams: [], requestFields: [{ line: 1, name: 'loanId', type: 'string', required: true }], responseFields: [], list: false, retrySafe: false };
    const { artifact, checklist } = await build('trpc', { ...orderRefundsScope(), operations: [procedure], entities: [], authz: [] });
    expect(artifact.text).toContain('returns Loan');
    expect(artifact.text).not.toMatch(/LoanReturn|loan_returns/);
    expect(checklist.find((item) => item.topic === 'authScopes')?.facts.scopes).toEqual({ 'loan.return': ['app.loans.write'] });
  });
});

describe('paging the spec states wins over the default style', () => {
  const spec = (op: string) =>
    `# Ledger\n\n## API / Data contracts\n\n- ${op} lists entries, paginated; takes \`limit\` (integer) and \`offset\` (integer).\n`;

  it('REST keeps limit/offset and adds no cursor', async () => {
    const { extractScope } = await import('../../lib/scope/index.js');
    const { artifact, checklist } = await buildContract(extractScope(spec('`GET /v1/entries`')), { apiStyle: 'rest', title: 'Ledger', location: 'auto' });
    expect(artifact.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(artifact.text).toContain('name: offset');
    expect(artifact.text).not.toContain('next_cursor');
    expect(checklist.find((item) => item.topic === 'pagination')?.decision).toContain("keeps the spec's own paging (`limit`, `offset`)");
  });

  it('GraphQL returns a plain list with the stated arguments instead of a connection', async () => {
    const { extractScope } = await import('../../lib/scope/index.js');
    const { artifact } = await buildContract(extractScope(spec('`query entries(limit: Int, offset: Int): [Entry!]!`')), { apiStyle: 'graphql', title: 'Ledger', location: 'auto' });
    expect(artifact.problems).toEqual([]);
    expect(artifact.text).not.toContain('EntryConnection');
    expect(artifact.text).not.toContain('after: String');
    expect(artifact.text).toMatch(/entries\(limit: Int, offset: Int\): \[Entry!\]!/);
  });
});

describe('an auth library the scheme table does not list', () => {
  it('is placed by how its knowledge entry carries credentials (Better Auth: a cookie), never the bearer fallback', async () => {
    const stack = { ...jwtStack(), auth: [{ value: 'better-auth', confidence: 0.9, evidence: [{ file: 'packages/auth/src/index.ts' }] }] };
    const { checklist } = await buildContract(orderRefundsScope(), { apiStyle: 'trpc', title: 'Order refunds', serviceName: 'shop', stack, location: 'auto' });
    expect(checklist.find((item) => item.topic === 'authScopes')?.facts.schemes).toEqual(['cookieAuth']);
  });
});
