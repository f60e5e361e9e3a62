import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import type { Field, Scope } from '../../lib/types.js';
import { EXPECTED } from './expected.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/specs/${name}`, import.meta.url)), 'utf8');
const scopeOf = (name: string): Scope => extractScope(fixture(name));
const fieldView = ({ line: _line, description: _description, ...rest }: Field) => rest;

function view(scope: Scope) {
  return {
    operations: scope.operations.map((op) => ({
      line: op.line,
      kind: op.kind,
      ...(op.method ? { method: op.method, path: op.path } : {}),
      name: op.name,
      list: op.list,
      retrySafe: op.retrySafe,
      ...(op.unauthenticated ? { unauthenticated: true } : {}),
      requestFields: op.requestFields.map(fieldView),
      queryParams: op.queryParams.map(fieldView),
    })),
    entities: scope.entities.map((entity) => ({
      table: entity.table,
      change: entity.change,
      line: entity.line,
      columns: entity.columns.map(({ line: _line, ...column }) => column),
      ...(entity.rowsHint ? { rowsHint: entity.rowsHint } : {}),
    })),
  };
}

describe('extractScope: operations and entities, field by field', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, () => {
      expect(view(scopeOf(name))).toEqual(expected);
    });
  }
});

describe('extractScope: the workflow SPEC.md structure', () => {
  const scope = scopeOf('01-spec-invoice-payments.md');

  it('never reads the existing Backend section, and reads what follows it', () => {
    expect(scope.operations.map((op) => op.method)).not.toContain('DELETE');
    expect(scope.title).toBe('Invoice payments');
  });

  it('resolves authz prose to operation keys, roles and ownership', () => {
    expect(scope.authz.map(({ roles, ownership, operations, public: isPublic, justification }) => ({ roles, ownership, operations, isPublic, justification }))).toEqual([
      { roles: [], ownership: undefined, operations: ['POST /v1/webhooks/adyen'], isPublic: true, justification: 'Each call carries an HMAC signature' },
      { roles: ['accountant'], ownership: undefined, operations: ['GET /v1/invoices/{invoiceId}/payments', 'GET /v1/payments/{paymentId}'], isPublic: undefined, justification: undefined },
      { roles: ['customer'], ownership: 'own invoices', operations: ['POST /v1/invoices/{invoiceId}/payments'], isPublic: undefined, justification: undefined },
    ]);
  });

  it('finds the webhook integration with its verification', () => {
    expect(scope.integrations.map(({ name, kind, verification, line }) => ({ name, kind, verification, line }))).toEqual([
      { name: 'Adyen', kind: 'webhook', verification: 'HMAC', line: 23 },
    ]);
  });

  it('keeps one job per schedule (the ADR only restates it) and reads SLOs', () => {
    expect(scope.jobs).toEqual([{ text: 'A nightly job at `0 2 * * *` settles `authorised` payments.', line: 31, schedule: '0 2 * * *' }]);
    expect(scope.slos).toEqual([{ text: 'Paying an invoice: p99 under 1s.', line: 32, percentile: 'p99', thresholdMs: 1000, operation: 'POST /v1/invoices/{invoiceId}/payments' }]);
  });

  it('lists out-of-scope items and notices frontend work', () => {
    expect(scope.outOfScope).toEqual([{ text: 'The pay button on the invoice page.', line: 35 }]);
    expect(scope.hasFrontendItems).toBe(true);
  });
});

describe('extractScope: PLAN.md structure', () => {
  const scope = scopeOf('02-plan-exports.md');

  it('treats Non-Goals as out of scope and drops rejected design options', () => {
    const keys = scope.operations.map((op) => `${op.method} ${op.path}`);
    expect(keys).toEqual(['POST /v1/exports', 'GET /v1/exports/{exportId}']);
    expect(scope.outOfScope.map((note) => note.line)).toEqual([12, 13]);
  });

  it('copies the document\'s open questions and asks about what is missing', () => {
    expect(scope.questions[0]).toEqual({ text: 'How long do download URLs stay valid?', line: 26 });
    expect(scope.questions.map((question) => question.text)).toContain('When does this job run: "`POST /v1/exports` starts an export job (the worker writes the file to S3)."?');
  });

  it('leaves "who may call it" to the model (its authz matrix asks once per operation)', () => {
    expect(scope.questions.map((question) => question.text).filter((text) => /who may call/i.test(text))).toEqual([]);
  });

  it('finds the outbound storage integration and the worker job', () => {
    expect(scope.integrations.map(({ name, kind }) => `${name}:${kind}`)).toEqual(['S3:outbound']);
    expect(scope.jobs.map((job) => job.line)).toEqual([20]);
    expect(scope.authz[0]).toMatchObject({ roles: ['admin'], operations: ['POST /v1/exports'] });
  });
});

describe('extractScope: other styles', () => {
  it('reads ownership from "their own" and services from "Service:"', () => {
    const scope = scopeOf('03-bullets-bookmarks.md');
    expect(scope.services).toEqual(['bookmarks-api']);
    expect(scope.authz).toEqual([
      {
        text: 'Users can only read and delete their own bookmarks.',
        line: 17,
        roles: [],
        ownership: 'own bookmarks',
        operations: ['GET /api/bookmarks', 'GET /api/bookmarks/{id}', 'DELETE /api/bookmarks/{id}'],
      },
    ]);
  });

  it('takes roles and public access from an endpoint table\'s auth column', () => {
    const scope = scopeOf('04-table-tickets.md');
    expect(scope.authz.map((rule) => [rule.operations[0], rule.roles, rule.public ?? false])).toEqual([
      ['GET /v2/tickets', ['agent', 'admin'], false],
      ['POST /v2/tickets', [], false],
      ['PATCH /v2/tickets/{ticketId}', ['agent'], false],
      ['POST /v2/tickets/{ticketId}:close', ['agent'], false],
      ['GET /v2/health', [], true],
    ]);
    expect(scope.operations[0].summary).toBe('List tickets, newest first');
  });

  it('narrows prose authz to the operations its verb names ("the account owner" owns the account)', () => {
    const scope = scopeOf('06-plain-prose-users.md');
    expect(scope.authz.map(({ roles, ownership, operations }) => ({ roles, ownership, operations }))).toEqual([
      { roles: [], ownership: 'own account', operations: ['DELETE /api/users/{id}', 'PATCH /api/users/{id}'] },
      { roles: ['support staff'], ownership: undefined, operations: ['DELETE /api/users/{id}'] },
    ]);
  });

  it('does not take operation names for roles (GraphQL)', () => {
    const scope = scopeOf('07-graphql-reviews.md');
    expect(scope.authz).toMatchObject([{ roles: ['moderator'], operations: ['deleteReview'] }]);
  });

  it('resolves an SLO sentence to a gRPC method and reads "idempotent"', () => {
    const scope = scopeOf('08-grpc-shipping.md');
    expect(scope.slos).toEqual([{ text: 'Creating a label: p95 under 800 ms.', line: 26, percentile: 'p95', thresholdMs: 800, operation: 'CreateLabel' }]);
  });

  it('resolves tRPC procedure verbs in authz prose', () => {
    const scope = scopeOf('09-trpc-notes.md');
    expect(scope.authz).toMatchObject([{ ownership: 'own notes', operations: ['note.archive'] }]);
  });

  it('skips operations mentioned only as out of scope, inline or in sections', () => {
    const scope = scopeOf('11-out-of-scope-coupons.md');
    expect(scope.outOfScope).toEqual([
      { text: '`GET /v1/coupons` for listing.', line: 5 },
      { text: '`DELETE /v1/coupons/{code}` (admins keep using the back office).', line: 8 },
      { text: 'A coupon banner on the checkout screen.', line: 9 },
      { text: 'Stacking several coupons.', line: 12 },
    ]);
    expect(scope.hasFrontendItems).toBe(true);
  });
});

describe('extractScope: Traditional Chinese prose', () => {
  it('reads authz, jobs and SLOs written in Chinese', () => {
    const scope = scopeOf('12-zh-spec-bookings.md');
    expect(scope.authz).toMatchObject([{ roles: ['admin'], ownership: 'self', operations: ['DELETE /v1/bookings/{bookingId}'] }]);
    expect(scope.jobs).toEqual([{ text: '每晚排程清除過期的預約。', line: 16, schedule: 'nightly' }]);
    expect(scope.slos).toMatchObject([{ percentile: 'p95', thresholdMs: 250, operation: 'POST /v1/rooms/{roomId}/bookings' }]);
    expect(scope.outOfScope).toEqual([{ text: '預約頁面的 UI 改版。', line: 20 }]);
  });

  it('reads a method/path table with Chinese headings and the document\'s open questions', () => {
    const scope = scopeOf('13-zh-plan-points.md');
    expect(scope.operations.map((op) => op.summary)).toEqual(['兌換點數，必須冪等', '列出兌換紀錄']);
    expect(scope.outOfScope).toEqual([{ text: '點數轉讓（`POST /v1/points/transfers`）。', line: 12 }]);
    expect(scope.questions[0]).toEqual({ text: '點數是否會過期？', line: 24 });
  });
});

describe('extractScope: never invents', () => {
  it('asks about unstated bodies; row counts are asked once, by the model', () => {
    const texts = scopeOf('14-sql-columns.md').questions.map((question) => question.text);
    expect(texts).toEqual(expect.arrayContaining(['`POST /v1/audit-exports`: the request fields are not stated.']));
    expect(texts.some((text) => /how many rows/.test(text))).toBe(false);
  });

  it('does not ask for the body of a state change on the resource the path names (favorite, archive, :pin); a create or a login still gets asked', () => {
    const texts = extractScope(
      '# X\n\n## API\n\n- `POST /articles/{slug}/favorite`: favorite an article.\n- `POST /shelves/{shelfId}/archive`: archive a shelf.\n- `POST /notes/{noteId}:pin`: pin a note.\n- `POST /shelves`: create a shelf.\n- `POST /auth/login`: sign in.\n',
    ).questions.map((question) => question.text);
    expect(texts).toContain('The request fields of `POST /shelves` and `POST /auth/login` are not stated.');
    expect(texts.join('\n')).not.toMatch(/favorite|archive|:pin/);
  });

  it('asks for operations when the document names none', () => {
    const scope = extractScope('# Faster search\n\nSearch feels slow; make it faster.\n');
    expect(scope.operations).toEqual([]);
    expect(scope.questions[0].text).toMatch(/names no API operation/);
    expect(scope.hasFrontendItems).toBe(false);
  });

  it('asks how a webhook is verified when the text does not say', () => {
    const scope = extractScope('# Hooks\n\n- `POST /hooks/github` receives GitHub push events.\n');
    expect(scope.integrations).toMatchObject([{ name: 'GitHub', kind: 'webhook' }]);
    expect(scope.integrations[0].verification).toBeUndefined();
    expect(scope.questions.map((question) => question.text)).toContain('How are GitHub webhook calls verified (signature, HMAC, mTLS, shared secret)?');
  });
});
