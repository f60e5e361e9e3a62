// Authz rules and SLOs resolved against the operations by verb families
// (issue ↔ "issues a card", redeem ↔ `…-redemptions`, read → GET), and the
// sentences that must not become rules (Context prose, business rules).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authzRule } from '../../lib/scope/facts.js';
import { extractScope } from '../../lib/scope/index.js';
import { inflections, resolveOperations } from '../../lib/scope/verbs.js';
import type { Operation, Scope } from '../../lib/types.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/specs/${name}`, import.meta.url)), 'utf8');
const scopeOf = (name: string): Scope => extractScope(fixture(name));
const questionTexts = (scope: Scope): string[] => scope.questions.map((question) => question.text);

function rest(method: string, path: string, summary?: string): Operation {
  return { kind: 'rest', method, path, name: `${method} ${path}`, line: 1, pathParams: [], queryParams: [], requestFields: [], responseFields: [], list: false, retrySafe: false, ...(summary ? { summary } : {}) };
}

describe('the demo sprint (examples/docs/03-gift-cards, copied as 19-demo-gift-cards.md)', () => {
  const scope = scopeOf('19-demo-gift-cards.md');

  it('keeps only the two real authz rules, resolved to their operations', () => {
    expect(scope.authz).toEqual([
      { text: 'Only users with the role `support` or `admin` may issue cards.', line: 35, roles: ['support', 'admin'], operations: ['POST /v1/gift-cards'] },
      {
        text: 'A customer may read and redeem their own cards.',
        line: 35,
        roles: ['customer'],
        ownership: 'own cards',
        operations: ['GET /v1/gift-cards', 'GET /v1/gift-cards/{cardId}', 'POST /v1/orders/{orderId}/gift-card-redemptions'],
      },
    ]);
  });

  it('links the SLO to the redemption operation', () => {
    expect(scope.slos).toEqual([{ text: 'Redeeming a card: p95 under 250 ms.', line: 45, percentile: 'p95', thresholdMs: 250, operation: 'POST /v1/orders/{orderId}/gift-card-redemptions' }]);
  });

  it('asks no authz question: none is unresolved, and "who may call it" is the model\'s', () => {
    expect(questionTexts(scope)).toEqual([
      // One question for every untyped column, not one per table; keys and names the vocabulary types (`*_at`) are not asked.
      '`gift_cards`: the types of `code`, `currency`, `issued_by` are not stated.',
    ]);
  });
});

describe('verb families in English (15-verb-family-expenses.md)', () => {
  const scope = scopeOf('15-verb-family-expenses.md');

  it('resolves submit/read, approve/reject actions, a passive "issued by", cancel and delete', () => {
    expect(scope.authz).toEqual([
      { text: 'An employee may submit and read their own reports.', line: 19, roles: ['employee'], ownership: 'own reports', operations: ['POST /v1/expense-reports', 'GET /v1/expense-reports'] },
      {
        text: 'Only the `manager` role may approve or reject reports.',
        line: 20,
        roles: ['manager'],
        operations: ['POST /v1/expense-reports/{reportId}/approve', 'POST /v1/expense-reports/{reportId}:reject'],
      },
      { text: 'Reimbursements may only be issued by finance.', line: 21, roles: ['finance'], operations: ['POST /v1/expense-reports/{reportId}/reimbursements'] },
      // The cancellation resource names the action; DELETE (withdraw) is only the CRUD fallback.
      { text: 'A manager can cancel an approved report.', line: 22, roles: ['manager'], operations: ['POST /v1/expense-reports/{reportId}/cancellations'] },
      { text: 'Employees may delete their own reports while they are drafts.', line: 23, roles: ['employee'], ownership: 'own reports', operations: ['DELETE /v1/expense-reports/{reportId}'] },
    ]);
  });

  it('takes neither Context prose nor a business rule ("Approved reports cannot be deleted") for a rule', () => {
    expect(scope.authz.map((rule) => rule.line)).not.toContain(4);
    expect(scope.authz.map((rule) => rule.line)).not.toContain(5);
    expect(scope.authz.map((rule) => rule.text)).not.toContain('Approved reports cannot be deleted.');
  });

  it('links SLOs to the operation their gerund names', () => {
    expect(scope.slos).toEqual([
      { text: 'Submitting a report: p95 under 300 ms.', line: 27, percentile: 'p95', thresholdMs: 300, operation: 'POST /v1/expense-reports' },
      { text: 'Approving a report: p99 under 500 ms.', line: 28, percentile: 'p99', thresholdMs: 500, operation: 'POST /v1/expense-reports/{reportId}/approve' },
      { text: 'Issuing a reimbursement: p95 under 1 s.', line: 29, percentile: 'p95', thresholdMs: 1000, operation: 'POST /v1/expense-reports/{reportId}/reimbursements' },
    ]);
    expect(questionTexts(scope).filter((text) => /rule apply to|who may call/.test(text))).toEqual([]);
  });
});

describe('verb families in Traditional Chinese (16-zh-verb-family-leave.md)', () => {
  const scope = scopeOf('16-zh-verb-family-leave.md');

  it('reads actor nouns as roles and 提交/查看/核准/取消 as actions on the operations', () => {
    expect(scope.authz).toEqual([
      { text: '員工可以提交及查看自己的請假申請。', line: 11, roles: ['員工'], ownership: '自己的請假申請', operations: ['POST /v1/leave-requests', 'GET /v1/leave-requests'] },
      {
        text: '只有主管可以核准或取消請假申請。',
        line: 12,
        roles: ['主管'],
        operations: ['POST /v1/leave-requests/{requestId}/approve', 'POST /v1/leave-requests/{requestId}/cancellations'],
      },
    ]);
  });

  it('links Chinese SLOs by verb and skips the background and the business rule', () => {
    expect(scope.slos).toEqual([
      { text: '核准請假申請：p95 小於 300 毫秒。', line: 14, percentile: 'p95', thresholdMs: 300, operation: 'POST /v1/leave-requests/{requestId}/approve' },
      { text: '提交請假申請：p99 小於 500 毫秒。', line: 15, percentile: 'p99', thresholdMs: 500, operation: 'POST /v1/leave-requests' },
    ]);
    expect(scope.authz.map((rule) => rule.line)).toEqual([11, 12]);
  });
});

describe('Chinese actor nouns in a plan (13-zh-plan-points.md)', () => {
  it('reads "會員可以兌換點數" as a rule for the redemption operation, not the listing', () => {
    expect(scopeOf('13-zh-plan-points.md').authz).toEqual([{ text: '會員可以兌換點數。', line: 9, roles: ['會員'], operations: ['POST /v1/members/{memberId}/redemptions'] }]);
  });
});

describe('Simplified Chinese rules (24-zh-cn-shelves.md)', () => {
  const scope = scopeOf('24-zh-cn-shelves.md');
  const ruleOf = (op: string) => scope.authz.filter((rule) => rule.operations.includes(op));

  it('names the role written after its word, 管理员（admin）', () => {
    expect(ruleOf('DELETE /playlists/{playlistId}').map((rule) => rule.roles)).toEqual([['admin']]);
  });

  it('公开 ending a clause opens the endpoint; 公开的 / 公开书架 / 是否公开 only describe the data', () => {
    expect(ruleOf('GET /playlists/featured')).toMatchObject([{ public: true }]);
    expect(scope.authz.filter((rule) => rule.public)).toHaveLength(1);
  });

  it('a denying clause after the grant keeps the grant: the owner may rename', () => {
    expect(ruleOf('PATCH /playlists/{playlistId}')).toMatchObject([{ ownership: 'owner', roles: [] }]);
  });

  it('任何已登录用户可以… grants every signed-in caller the operations its verbs name (把 fronts the object)', () => {
    expect(ruleOf('POST /playlists')).toMatchObject([{ roles: [], anySignedIn: true }]);
    expect(ruleOf('POST /playlists/{playlistId}/tracks')).toMatchObject([{ roles: [], anySignedIn: true }]);
    expect(scope.authz.filter((rule) => rule.anySignedIn).flatMap((rule) => rule.operations)).toEqual(['POST /playlists', 'POST /playlists/{playlistId}/tracks']);
  });
});

describe('允许 (allow) states access in Simplified Chinese', () => {
  const ops = [rest('GET', '/v1/playlists', 'List playlists.'), rest('POST', '/v1/playlists/{id}/archive', 'Archive a playlist.')];
  it('"系统必须允许用户查看自己的歌单" is an ownership rule; "允许用户归档歌单" names no rule', () => {
    expect(authzRule('系统必须允许用户查看自己的歌单：`GET /v1/playlists`。', 1, ops, [])).toMatchObject({ roles: [], ownership: '自己的歌单', operations: ['GET /v1/playlists'] });
    expect(authzRule('系统必须允许用户归档歌单：`POST /v1/playlists/{id}/archive`。', 1, ops, [])).toBeUndefined();
  });
});

describe('any signed-in user, in each language', () => {
  const ops = [rest('POST', '/v1/tickets', 'Create a ticket.'), rest('GET', '/v1/tickets', 'List tickets.')];
  it.each([
    'Any signed-in user may create tickets.',
    'Every authenticated user can create tickets.',
    'Qualquer usuário autenticado pode criar tickets: `POST /v1/tickets`.',
    'Cualquier usuario autenticado puede crear tickets: `POST /v1/tickets`.',
    '任何已登录用户可以建立工单：`POST /v1/tickets`。',
    '任何已登入使用者可以建立工單：`POST /v1/tickets`。',
  ])('%s', (sentence) => {
    expect(authzRule(sentence, 1, ops, [])).toMatchObject({ roles: [], anySignedIn: true, operations: ['POST /v1/tickets'] });
  });

  it('a named role is not "any signed-in user"; "must be signed in" alone names no one', () => {
    expect(authzRule('Only signed-in customers may view tickets.', 1, ops, [])?.anySignedIn).toBeUndefined();
    expect(authzRule('Callers must be signed in to list tickets.', 1, ops, [])?.anySignedIn).toBeUndefined();
  });
});

describe('Context / background prose (17-context-invitations.md)', () => {
  const scope = scopeOf('17-context-invitations.md');

  it('keeps only the background sentence that sets a rule for the new work', () => {
    expect(scope.authz).toEqual([
      { text: 'From this sprint on, only the `admin` role may send invitations.', line: 7, roles: ['admin'], operations: ['POST /v1/workspaces/{workspaceId}/invitations'] },
      { text: 'Members may list invitations of their own workspace.', line: 15, roles: ['member'], ownership: 'own workspace', operations: ['GET /v1/workspaces/{workspaceId}/invitations'] },
      { text: 'Only admins may revoke invitations.', line: 16, roles: ['admin'], operations: ['DELETE /v1/invitations/{invitationId}'] },
      { text: 'The invitee must be signed in to accept an invitation.', line: 17, roles: [], operations: ['POST /v1/invitations/{token}/accept'] },
    ]);
  });

  it('would read the same background sentences as rules outside a Context section', () => {
    const moved = fixture('17-context-invitations.md').replace('## Background', '## Notes');
    const lines = extractScope(moved).authz.map((rule) => rule.line);
    // Two sentences start on line 4 ("Today only workspace owners…", "Support staff can…");
    // line 6 ("Admins cannot revoke…") is a denial, never a rule.
    expect(lines.filter((line) => line < 10)).toEqual([4, 4, 7]);
  });

  it('links an SLO by an action segment (`…/accept`) and leaves a general one unlinked', () => {
    expect(scope.slos).toEqual([
      { text: 'Accepting an invitation: p95 under 200 ms.', line: 18, percentile: 'p95', thresholdMs: 200, operation: 'POST /v1/invitations/{token}/accept' },
      { text: 'All reads: p99 under 100 ms.', line: 19, percentile: 'p99', thresholdMs: 100 },
    ]);
  });
});

describe('authzRule: who and a permission', () => {
  const ops = [rest('POST', '/v1/gift-cards', 'Issues a card.'), rest('GET', '/v1/gift-cards')];

  it.each([
    ['a relative clause ("which cannot")', 'Support issues them by hand as coupon codes today, which cannot hold a balance.'],
    ['a thing as the subject', 'Expired cards cannot be redeemed.'],
    ['a pronoun as the subject', 'It cannot be changed after issue.'],
    ['a capability of generic users', 'Users can filter cards by status.'],
    ['a denial (the rule table lists who may)', 'Customers may not issue cards.'],
  ])('is not a rule: %s', (_label, text) => {
    expect(authzRule(text, 1, ops, [])).toBeUndefined();
  });

  it('reads roles from actor nouns, "X role", and passive "by"', () => {
    expect(authzRule('Support staff and admins may issue gift cards.', 1, ops, [])).toMatchObject({ roles: ['support staff', 'admin'], operations: ['POST /v1/gift-cards'] });
    expect(authzRule('Only users with the admin role may issue cards.', 1, ops, [])).toMatchObject({ roles: ['admin'], operations: ['POST /v1/gift-cards'] });
    expect(authzRule('Which role may issue cards is not decided.', 1, ops, [])).toBeUndefined();
    expect(authzRule('Cards may only be issued by a support agent.', 1, ops, [])).toMatchObject({ roles: ['support agent'], operations: ['POST /v1/gift-cards'] });
    expect(authzRule('Only signed-in customers may view cards.', 1, ops, [])).toMatchObject({ roles: ['customer'], operations: ['GET /v1/gift-cards'] });
  });

  it('drops Context sentences about today, and Context "can" that sets no rule', () => {
    expect(authzRule('Today only admins may issue cards.', 1, ops, [], { descriptive: true })).toBeUndefined();
    expect(authzRule('Support staff can issue cards by hand.', 1, ops, [], { descriptive: true })).toBeUndefined();
    expect(authzRule('Support staff can issue cards by hand.', 1, ops, [])).toMatchObject({ roles: ['support staff'] });
    expect(authzRule('Only admins may issue cards.', 1, ops, [], { descriptive: true })).toMatchObject({ roles: ['admin'], operations: ['POST /v1/gift-cards'] });
  });
});

describe('resolveOperations: verb families against summaries, paths and names', () => {
  it('inflects English verbs', () => {
    expect(inflections('issue')).toEqual(expect.arrayContaining(['issues', 'issued', 'issuing']));
    expect(inflections('cancel')).toEqual(expect.arrayContaining(['cancels', 'cancelled', 'cancelling', 'canceled', 'canceling']));
    expect(inflections('apply')).toEqual(expect.arrayContaining(['applies', 'applied', 'applying']));
    expect(inflections('submit')).toEqual(expect.arrayContaining(['submitted', 'submitting']));
  });

  it('prefers the operation that names the action over the CRUD fallback', () => {
    const ops = [rest('DELETE', '/v1/orders/{id}'), rest('POST', '/v1/orders/{id}:cancel'), rest('POST', '/v1/orders')];
    expect(resolveOperations('Support may cancel orders.', ops)).toEqual(['POST /v1/orders/{id}:cancel']);
    expect(resolveOperations('Support may cancel orders.', ops.slice(0, 1))).toEqual(['DELETE /v1/orders/{id}']);
    expect(resolveOperations('Admins may create orders.', ops)).toEqual(['POST /v1/orders']);
  });

  it('matches nouns singular or plural, and the last word of a hyphenated resource', () => {
    const ops = [rest('GET', '/v1/leave-requests'), rest('GET', '/v1/leave-requests/{id}'), rest('GET', '/v1/users/{id}/requests-log')];
    expect(resolveOperations('Managers may view a leave request.', ops)).toEqual(['GET /v1/leave-requests', 'GET /v1/leave-requests/{id}']);
    expect(resolveOperations('Managers may view requests.', ops)).toEqual(['GET /v1/leave-requests', 'GET /v1/leave-requests/{id}']);
  });

  it('reads an action noun resource (approvals, refunds) as the action, only for POST', () => {
    const ops = [rest('POST', '/v1/invoices/{id}/approvals'), rest('GET', '/v1/invoices/{id}/approvals'), rest('PATCH', '/v1/invoices/{id}')];
    expect(resolveOperations('Only finance may approve invoices.', ops)).toEqual(['POST /v1/invoices/{id}/approvals']);
    expect(resolveOperations('Auditors may read approvals.', ops)).toEqual(['GET /v1/invoices/{id}/approvals']);
  });

  it('reads a resource, not the action resources named after it', () => {
    const ops = [rest('GET', '/v1/gift-cards', 'Lists cards.'), rest('GET', '/v1/orders/{id}/gift-card-redemptions', 'Lists redemptions.'), rest('POST', '/v1/orders/{id}/gift-card-redemptions')];
    expect(resolveOperations('Customers may read cards.', ops)).toEqual(['GET /v1/gift-cards']);
    expect(resolveOperations('Customers may redeem gift cards.', ops)).toEqual(['POST /v1/orders/{id}/gift-card-redemptions']);
  });

  it('uses the summary verb, so an issue operation is not a redemption', () => {
    const ops = [rest('POST', '/v1/vouchers', 'Issues a voucher.'), rest('POST', '/v1/voucher-uses', 'Redeems a voucher at checkout.')];
    expect(resolveOperations('Only support may issue vouchers.', ops)).toEqual(['POST /v1/vouchers']);
    expect(resolveOperations('Customers may redeem vouchers.', ops)).toEqual(['POST /v1/voucher-uses']);
  });

  it('reads a plural path segment as the collection, though its singular is a verb (`books`, not "it books")', () => {
    const ops = [rest('POST', '/shelves/{shelfId}/books'), rest('GET', '/shelves/{shelfId}/books'), rest('DELETE', '/shelves/{shelfId}/books/{bookId}'), rest('POST', '/rooms/{id}/book')];
    expect(resolveOperations("Only the shelf's owner may add or remove books.", ops)).toEqual(['POST /shelves/{shelfId}/books', 'DELETE /shelves/{shelfId}/books/{bookId}']);
    expect(resolveOperations('Guests may book rooms.', ops)).toEqual(['POST /rooms/{id}/book']);
  });

  it('"listing is public" names the sprint’s one list; with two lists, none', () => {
    const list = { ...rest('GET', '/shelves/{shelfId}/books'), list: true };
    const ops = [rest('POST', '/shelves/{shelfId}/books'), list];
    expect(resolveOperations('listing is public.', ops)).toEqual(['GET /shelves/{shelfId}/books']);
    expect(resolveOperations('listing is public.', [...ops, { ...rest('GET', '/shelves'), list: true }])).toEqual([]);
  });

  it('an adjective after a collection is a view of it: "list overdue loans" names `GET /loans/overdue`', () => {
    const ops = [rest('GET', '/api/loans/overdue'), rest('POST', '/api/loans/{loan}/return')];
    expect(resolveOperations('Librarians may list overdue loans.', ops)).toEqual(['GET /api/loans/overdue']);
  });

  it('names no operation when the verb has no object or only a pronoun', () => {
    const ops = [rest('DELETE', '/v1/orders/{id}')];
    expect(resolveOperations('Admins may delete it.', ops)).toEqual([]);
    expect(resolveOperations('Admins may delete.', ops)).toEqual([]);
  });
});

describe('the owner of a resource named by a possessive', () => {
  it('"Only the comment\'s author MAY delete it." is an ownership rule on comment.delete, not a role', () => {
    const read = extractScope('# Comments\n\n## Scope\n\n- tRPC `comment.create` mutation, input `{ body: string }`.\n- tRPC `comment.delete` mutation, input `{ id: string }`.\n- Only the comment\'s author MAY delete it.\n');
    const rule = read.authz.find((candidate) => candidate.text.startsWith('Only the comment'));
    expect(rule).toMatchObject({ roles: [], operations: ['comment.delete'], ownership: 'own comment' });
  });
});

describe('"Only <plural> may <act>" names who, though no list knows the word', () => {
  const scope = extractScope('# Loans\n\n## API\n- `GET /api/loans/overdue` lists overdue loans.\n- `POST /api/loans` creates a loan.\n\n## Rules\n- Only librarians may list overdue loans.\n- Only approved loans can be returned.\n');
  it('reads the plural subject as the role; a passive sentence names no one', () => {
    expect(scope.authz.map((rule) => [rule.text, rule.roles, rule.operations])).toEqual([['Only librarians may list overdue loans.', ['librarian'], ['GET /api/loans/overdue']]]);
  });
});

describe('an endpoint line that says who calls it, without a modal', () => {
  const rules = (spec: string) => extractScope(spec).authz.map((rule) => [rule.operations, rule.public ?? false, rule.anySignedIn ?? false, rule.roles]);
  it('"— anyone lists …" is public; "— a signed-in user reacts" is any signed-in caller', () => {
    const spec = '# Reactions\n\n## API\n- `GET /articles/{article}/reactions` — anyone lists the reactions of an article.\n- `POST /articles/{article}/reactions` — a signed-in user reacts: `{ "kind": string }`.\n';
    expect(rules(spec)).toEqual([[['GET /articles/{article}/reactions'], true, false, []], [['POST /articles/{article}/reactions'], false, true, []]]);
  });

  it('a noun there tells who does it, not that no one else may: no rule', () => {
    expect(rules('# Loans\n\n## API\n- `POST /loans/{loan}/returns` — the borrower returns the loan.\n')).toEqual([]);
  });
});
